using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Testing;
using Switchboard.Testing.Network;
using Switchboard.Testing.Processes;

namespace Switchboard.Interop.Tests.Peers;

/// <summary>
/// baresip (Debian baresip-core, installed by tests/setup/60-baresip.sh) as a softphone without a sound card: a config folder
/// of its own, silence from a WAV file as the microphone, keys sent as RFC 4733 events (<c>dtmfmode=rtpevent</c>), and its
/// console module on a UDP port, through which the test dials and presses keys as a user would type them.
/// </summary>
public sealed class Baresip : IAsyncDisposable
{
    private const string InstalledBy = "tests/setup/60-baresip.sh (Debian package baresip-core)";

    private readonly ExternalProcess _process;
    private readonly TempFolder _folder;
    private readonly IPEndPoint _console;
    private readonly UdpClient _keyboard = new(new IPEndPoint(IPAddress.Loopback, 0));

    private Baresip(ExternalProcess process, TempFolder folder, IPEndPoint console)
    {
        _process = process;
        _folder = folder;
        _console = console;
    }

    /// <summary>The end of baresip's output, for failure messages.</summary>
    public string Tail() => _process.Tail(60);

    /// <summary>Starts baresip with the account <c>sip:<paramref name="user"/>@127.0.0.1</c> (no registration) and waits until it is ready.</summary>
    public static async Task<Baresip> StartAsync(string user)
    {
        var folder = new TempFolder("baresip-");
        var console = new IPEndPoint(IPAddress.Loopback, FreePorts.Udp());
        var silence = folder.File("silence.wav");
        var (soxExit, soxLines) = await ExternalProcess.RunAsync("sox", ["-n", "-r", "8000", "-c", "1", "-b", "16", silence, "trim", "0", "120"],
            "tests/setup/50-media.sh (Debian package sox)", TimeSpan.FromSeconds(20));
        if (soxExit != 0)
        {
            folder.Dispose();
            throw new InvalidOperationException($"sox could not write the silent microphone: {string.Join('\n', soxLines)}");
        }

        await File.WriteAllTextAsync(folder.File("config"), string.Create(CultureInfo.InvariantCulture, $"""
            poll_method epoll
            net_interface 127.0.0.1
            sip_listen 127.0.0.1:{FreePorts.Udp()}
            sip_transports udp
            audio_source aufile,{silence}
            audio_alert aufile,{silence}
            module_path /usr/lib/baresip/modules
            module g711.so
            module aufile.so
            module cons.so
            module_app account.so
            module_app menu.so
            cons_listen {console}

            """));
        await File.WriteAllTextAsync(folder.File("accounts"), $"<sip:{user}@127.0.0.1>;regint=0;dtmfmode=rtpevent;audio_codecs=PCMA,PCMU\n");

        ExternalProcess process;
        try
        {
            process = ExternalProcess.Start("baresip", ["-f", folder.Path], InstalledBy, folder.Path);
        }
        catch
        {
            folder.Dispose();
            throw;
        }

        var baresip = new Baresip(process, folder, console);
        try
        {
            await process.WaitForLineAsync(l => l.Contains("baresip is ready", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "get ready");
        }
        catch
        {
            await baresip.DisposeAsync();
            throw;
        }

        return baresip;
    }

    /// <summary>Dials <paramref name="uri"/> and waits until the call is established.</summary>
    public async Task DialAsync(string uri)
    {
        await TypeAsync($"/dial {uri}\n");
        await _process.WaitForLineAsync(l => l.Contains("Call established", StringComparison.Ordinal), TimeSpan.FromSeconds(15), $"establish the call to {uri}");
    }

    /// <summary>Presses <paramref name="keys"/> one by one, <paramref name="between"/> apart, as typed on the console during the call.</summary>
    public async Task PressAsync(string keys, TimeSpan between)
    {
        foreach (var key in keys)
        {
            await TypeAsync(key.ToString());
            await Task.Delay(between);
        }
    }

    /// <summary>Waits until the call ends (baresip prints that it was terminated); throws with its output when it does not within <paramref name="limit"/>.</summary>
    public Task<string> WaitForHangUpAsync(TimeSpan limit) =>
        _process.WaitForLineAsync(l => l.Contains("terminated", StringComparison.Ordinal), limit, "see the call end");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _keyboard.Dispose();
        await _process.DisposeAsync();
        _folder.Dispose();
    }

    private async Task TypeAsync(string text) => await _keyboard.SendAsync(Encoding.ASCII.GetBytes(text), _console);
}
