using System.Diagnostics;
using System.Net;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>
/// One kamailio process (Debian package, installed by tests/setup/45-kamailio.sh) for a test: started in the foreground on
/// a config the test writes, in a temporary directory of its own, logging to stderr; disposing stops it.
/// </summary>
internal sealed class Kamailio : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly List<string> _log = [];

    private Kamailio(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>The UDP port kamailio listens on (127.0.0.1).</summary>
    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>What kamailio has logged so far (its xlog lines included).</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Starts kamailio on <paramref name="config"/> (which must listen on udp:127.0.0.1:<paramref name="port"/>) and waits until it has bound the port.</summary>
    public static async Task<Kamailio> StartAsync(string config, int port)
    {
        var directory = Directory.CreateTempSubdirectory("kamailio-").FullName;
        var file = Path.Combine(directory, "kamailio.cfg");
        await File.WriteAllTextAsync(file, config);
        var info = new ProcessStartInfo("kamailio")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in (string[])["-f", file, "-DD", "-E", "-Y", directory, "-P", Path.Combine(directory, "kamailio.pid"), "-w", directory, "-m", "32", "-M", "8"])
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("kamailio did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Directory.Delete(directory, true);
            throw new InvalidOperationException("kamailio is not installed; run tests/setup/45-kamailio.sh (Debian package kamailio).", e);
        }

        var kamailio = new Kamailio(process, directory, port);
        try
        {
            await ListeningSockets.WaitAsync(ListeningSockets.Udp, port, process, TimeSpan.FromSeconds(15), () => Task.FromResult(kamailio.Tail()));
        }
        catch
        {
            await kamailio.DisposeAsync();
            throw;
        }

        return kamailio;
    }

    /// <summary>The log lines containing <paramref name="text"/>.</summary>
    public IReadOnlyList<string> LinesWith(string text) => [.. Log.Where(line => line.Contains(text, StringComparison.Ordinal))];

    /// <summary>Waits up to <paramref name="limit"/> for a log line containing <paramref name="text"/> (stderr arrives a little after kamailio acts); false if none came.</summary>
    public async Task<bool> LoggedAsync(string text, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (LinesWith(text).Count == 0)
        {
            if (deadline.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, true);
    }

    private string Tail() => string.Join('\n', Log.TakeLast(30));

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Add(line);
        }
    }
}
