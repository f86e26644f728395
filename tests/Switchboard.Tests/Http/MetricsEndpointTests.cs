using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Media.Clock;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Tests.Hosting;

namespace Switchboard.Tests.Http;

/// <summary><c>GET /metrics</c> of the built server, idle and while a raw-UDP caller is in a whatsapp-link call.</summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private const string Lateness = "switchboard_rtp_send_lateness_seconds";
    private TestServerConfig _config = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _config = new TestServerConfig(new()
        {
            ["Sip"] = new { Listen = new[] { "udp:127.0.0.1:0" }, RtpPorts = "41100-41119", Routes = new[] { new { Match = "*", App = "whatsapp-link" } } },
        });
        _app = ServerHost.Build(_config.File);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _config.Dispose();
    }

    [Fact]
    public async Task An_idle_server_reports_no_calls_its_port_range_and_an_empty_histogram_in_the_prometheus_text_format()
    {
        using var response = await _http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var metrics = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(0, metrics["switchboard_sip_calls_active"]);
        Assert.Equal(1, metrics["switchboard_sip_accepting"]);
        Assert.Equal(0, metrics["switchboard_rtp_ports_in_use"]);
        Assert.Equal(10, metrics["switchboard_rtp_ports_total"]);
        Assert.Equal(0, metrics["switchboard_rtp_packets_sent_total"]);
        Assert.Equal(0, metrics[$"{Lateness}_count"]);
        Assert.Equal(0, metrics[$"{Lateness}_bucket{{le=\"+Inf\"}}"]);
        Assert.True(metrics.ContainsKey("dotnet_gc_collections_total{generation=\"2\"}"));
        Assert.InRange(metrics["dotnet_gc_allocated_bytes_total"], 1, double.MaxValue);
    }

    [Fact]
    public async Task Garbage_collections_and_their_pauses_are_counted()
    {
        var before = Parse(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var after = Parse(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        Assert.InRange(after["dotnet_gc_collections_total{generation=\"2\"}"], before["dotnet_gc_collections_total{generation=\"2\"}"] + 1, double.MaxValue);
        Assert.InRange(after["dotnet_gc_pause_seconds_total"], before["dotnet_gc_pause_seconds_total"] + 1e-9, double.MaxValue);
        Assert.InRange(after["dotnet_gc_allocated_bytes_total"], before["dotnet_gc_allocated_bytes_total"] + 1, double.MaxValue);
    }

    [Fact]
    public async Task The_lateness_histogram_has_cumulative_buckets_a_count_and_a_sum()
    {
        var lateness = _app.Services.GetRequiredService<MediaClock>().SendLateness;
        foreach (var microseconds in new[] { 30, 180, 180, 900, 4_000, 60_000 })
        {
            lateness.Record(TimeSpan.FromMicroseconds(microseconds));
        }

        var metrics = Parse(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

        Assert.Equal(1, metrics[$"{Lateness}_bucket{{le=\"0.0001\"}}"]);
        Assert.Equal(3, metrics[$"{Lateness}_bucket{{le=\"0.0002\"}}"]);
        Assert.Equal(4, metrics[$"{Lateness}_bucket{{le=\"0.001\"}}"]);
        Assert.Equal(5, metrics[$"{Lateness}_bucket{{le=\"0.005\"}}"]);
        Assert.Equal(5, metrics[$"{Lateness}_bucket{{le=\"0.05\"}}"]);
        Assert.Equal(6, metrics[$"{Lateness}_bucket{{le=\"0.1\"}}"]);
        Assert.Equal(6, metrics[$"{Lateness}_bucket{{le=\"+Inf\"}}"]);
        Assert.Equal(6, metrics[$"{Lateness}_count"]);
        Assert.Equal(0.06535, metrics[$"{Lateness}_sum"], precision: 6);
        Assert.Equal(6, metrics["switchboard_rtp_packets_sent_total"]);
    }

    [Fact]
    public async Task A_call_in_progress_counts_as_active_holds_a_port_and_its_prompt_packets_are_counted_and_timed()
    {
        var sip = _app.Services.GetRequiredService<SipListener>().Agent!.Transports[0].LocalEndPoint;
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var call = new RawCall(phone, sip, ((IPEndPoint)rtp.Client.LocalEndPoint!).Port);

        var to = await call.InviteAsync();
        for (var i = 0; i < 10; i++)
        {
            await rtp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        var during = Parse(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
        await call.ByeAsync(to);
        var after = await EventuallyAsync(m => m["switchboard_sip_calls_active"] == 0 && m["switchboard_rtp_ports_in_use"] == 0);

        Assert.Equal(1, during["switchboard_sip_calls_active"]);
        Assert.Equal(1, during["switchboard_rtp_ports_in_use"]);
        Assert.Equal(1, during["switchboard_media_clock_streams"]);
        Assert.InRange(during["switchboard_rtp_packets_sent_total"], 10, double.MaxValue);
        Assert.InRange(during[$"{Lateness}_count"], during["switchboard_rtp_packets_sent_total"], double.MaxValue);
        Assert.Equal(during[$"{Lateness}_count"], during[$"{Lateness}_bucket{{le=\"+Inf\"}}"]);
        Assert.InRange(after["switchboard_rtp_packets_sent_total"], during["switchboard_rtp_packets_sent_total"], double.MaxValue);
        Assert.Equal(0, after["switchboard_media_clock_streams"]);
    }

    // Every sample line as name (with labels) → value; the HELP and TYPE lines must precede each family.
    private static Dictionary<string, double> Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var typed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                typed.Add(line.Split(' ')[2]);
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var name = line[..space];
            var family = name.Split('{')[0];
            Assert.Contains(typed, t => family == t || family.StartsWith(t + "_", StringComparison.Ordinal));
            samples.Add(name, double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture));
        }

        return samples;
    }

    private async Task<Dictionary<string, double>> EventuallyAsync(Func<Dictionary<string, double>, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var metrics = Parse(await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));
            if (condition(metrics))
            {
                return metrics;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the call to be released");
            await Task.Delay(50);
        }
    }

    /// <summary>A caller written out by hand: an INVITE offering PCMA at <paramref name="rtpPort"/>, the ACK, and a BYE.</summary>
    private sealed class RawCall(UdpClient phone, IPEndPoint server, int rtpPort)
    {
        private readonly string _callId = $"{Guid.NewGuid():N}";
        private const string From = "<sip:+31612345678@127.0.0.1>;tag=metrics1";

        public async Task<string> InviteAsync()
        {
            var offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
                $"m=audio {rtpPort} RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";
            await SendAsync("INVITE", 1, "<sip:+31850000000@127.0.0.1>", offer);
            var ok = await FinalAsync("INVITE");
            Assert.Equal(200, ok.StatusCode);
            var to = ok.Headers.Get(HeaderNames.To)!;
            await SendAsync("ACK", 1, to, "");
            return to;
        }

        public async Task ByeAsync(string to)
        {
            await SendAsync("BYE", 2, to, "");
            Assert.Equal(200, (await FinalAsync("BYE")).StatusCode);
        }

        private async Task SendAsync(string method, int cseq, string to, string sdp) => await phone.SendAsync(Encoding.ASCII.GetBytes(
            $"{method} sip:+31850000000@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5998;branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
            $"Max-Forwards: 70\r\nFrom: {From}\r\nTo: {to}\r\nCall-ID: {_callId}\r\nCSeq: {cseq} {method}\r\nContact: <sip:caller@127.0.0.1:5998>\r\n" +
            (sdp.Length > 0 ? "Content-Type: application/sdp\r\n" : "") + $"Content-Length: {sdp.Length}\r\n\r\n{sdp}"), server);

        private async Task<SipResponse> FinalAsync(string method)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var datagram = await phone.ReceiveAsync(timeout.Token);
                if (SipMessageParser.Parse(datagram.Buffer, SipFraming.Datagram).Message is SipResponse { StatusCode: >= 200 } response && response.CSeq?.Method == method)
                {
                    return response;
                }
            }
        }
    }
}
