using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Testing.Network;
using Switchboard.Testing.Processes;

namespace Switchboard.Testing.Peers;

/// <summary>
/// A Kamailio proxy (Debian package kamailio) in the foreground on a free loopback UDP port, with a config of its own in a
/// temporary folder: it record-routes INVITEs to the next hop it is given, relays in-dialog requests by their Route header and logs
/// every request it relays. Disposing stops it.
/// </summary>
/// <remarks>
/// Shared here so every test project can use one runner: tests/Switchboard.Sip.Tests/TestPeers/Kamailio.cs (with the same
/// proxy config in its KamailioRouteSetTests) came first and can move over to this one.
/// </remarks>
public sealed class Kamailio : IAsyncDisposable
{
    private const string InstalledBy = "tests/setup/45-kamailio.sh (Debian package kamailio)";

    private readonly ExternalProcess _process;
    private readonly TempFolder _folder;

    private Kamailio(ExternalProcess process, TempFolder folder, int port)
    {
        _process = process;
        _folder = folder;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    /// <summary>Where the proxy listens (UDP).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The Record-Route URI the proxy puts in the dialogs it creates, as a later Route header starts (parameters such as ftag may follow).</summary>
    public string RouteUri => $"sip:{EndPoint};lr";

    /// <summary>The proxy's "relaying METHOD from ADDRESS route=ROUTE" lines so far.</summary>
    public IReadOnlyList<string> Relayed => [.. _process.Lines.Where(l => l.Contains("relaying ", StringComparison.Ordinal))];

    /// <summary>The end of the proxy's log, for failure messages.</summary>
    public string Tail() => _process.Tail();

    /// <summary>Starts a proxy whose new calls go to <paramref name="nextHop"/> (UDP) and waits until it answers OPTIONS.</summary>
    public static async Task<Kamailio> StartAsync(IPEndPoint nextHop)
    {
        var folder = new TempFolder("kamailio-");
        var port = FreePorts.Udp();
        var config = folder.File("kamailio.cfg");
        await File.WriteAllTextAsync(config, Config(port, nextHop));
        ExternalProcess process;
        try
        {
            process = ExternalProcess.Start("kamailio",
                ["-f", config, "-DD", "-E", "-Y", folder.Path, "-P", folder.File("kamailio.pid"), "-w", folder.Path, "-m", "32", "-M", "8"],
                InstalledBy, folder.Path);
        }
        catch
        {
            folder.Dispose();
            throw;
        }

        var kamailio = new Kamailio(process, folder, port);
        try
        {
            await kamailio.WaitUntilAnsweringAsync(TimeSpan.FromSeconds(15));
        }
        catch
        {
            await kamailio.DisposeAsync();
            throw;
        }

        return kamailio;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>Sends OPTIONS to the proxy itself until it answers: then its socket is bound and its workers run.</summary>
    private async Task WaitUntilAnsweringAsync(TimeSpan limit)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            var options = Encoding.ASCII.GetBytes(
                $"OPTIONS sip:{EndPoint} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch=z9hG4bK{Guid.NewGuid():N}\r\nMax-Forwards: 70\r\n" +
                $"From: <sip:probe@{local}>;tag=probe\r\nTo: <sip:{EndPoint}>\r\nCall-ID: {Guid.NewGuid():N}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
            await udp.SendAsync(options, EndPoint);
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                var answer = await udp.ReceiveAsync(wait.Token);
                if (Encoding.ASCII.GetString(answer.Buffer).StartsWith("SIP/2.0 200", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                // Not up yet (a closed port answers with ICMP, which shows as a SocketException).
            }
        }

        var why = _process.HasExited ? "exited" : $"did not answer OPTIONS on {EndPoint} within {limit.TotalSeconds} s";
        throw new TimeoutException($"kamailio {why}. Its log:\n{Tail()}");
    }

    private static string Config(int port, IPEndPoint nextHop) => string.Create(CultureInfo.InvariantCulture, $$"""
        #!KAMAILIO
        debug=2
        children=1
        disable_tcp=yes
        auto_aliases=no
        listen=udp:127.0.0.1:{{port}}

        loadmodule "tm.so"
        loadmodule "sl.so"
        loadmodule "rr.so"
        loadmodule "pv.so"
        loadmodule "xlog.so"
        loadmodule "maxfwd.so"
        loadmodule "siputils.so"
        loadmodule "textops.so"

        request_route {
            if (is_method("OPTIONS") && uri == myself && !has_totag()) {
                sl_send_reply("200", "Proxy Ready");
                exit;
            }
            xlog("L_INFO", "relaying $rm from $si:$sp route=$hdr(Route)\n");
            if (!mf_process_maxfwd_header("10")) {
                sl_send_reply("483", "Too Many Hops");
                exit;
            }
            if (has_totag()) {
                if (loose_route() || (is_method("ACK") && t_check_trans())) {
                    t_relay();
                } else {
                    sl_send_reply("404", "Not Here");
                }
                exit;
            }
            if (is_method("INVITE")) {
                record_route();
                $ru = "sip:" + $rU + "@{{nextHop}}";
            }
            t_relay();
        }
        """);
}
