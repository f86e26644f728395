using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Media.Clock;
using Switchboard.Telephony.Sip.Inbound;
using Switchboard.Telephony.Sip.Media;

namespace Switchboard.Http;

/// <summary><c>GET /metrics</c>: the SIP calls, RTP ports, media timing and the garbage collector's pauses (which stop the media
/// clock too) in the Prometheus text format, for a scraper or a load test.</summary>
internal static class MetricsEndpoint
{
    /// <summary>The path of the metrics.</summary>
    public const string Path = "/metrics";

    /// <summary>The upper bounds, in seconds, of the send-lateness histogram's buckets: fine below 5 ms, where RTP pacing should stay.</summary>
    public static readonly IReadOnlyList<double> LatenessBounds =
        [0.0001, 0.0002, 0.0003, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.02, 0.05, 0.1];

    private const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (InboundCalls calls, CallMedia media) => Results.Text(Write(calls, media), ContentType));
        return endpoints;
    }

    private static string Write(InboundCalls calls, CallMedia media)
    {
        var text = new StringBuilder();
        var clock = media.Clock;
        Sample(text, "switchboard_sip_calls_active", "gauge", "SIP calls in progress.", calls.Active.Count);
        Sample(text, "switchboard_sip_accepting", "gauge", "1 while new INVITEs are taken, 0 once a stop began.", calls.Accepting ? 1 : 0);
        Sample(text, "switchboard_rtp_ports_in_use", "gauge", "RTP/RTCP port pairs held by calls.", calls.RtpPortsInUse);
        Sample(text, "switchboard_rtp_ports_total", "gauge", "RTP/RTCP port pairs in Sip:RtpPorts.", media.Range.PairCount);
        Sample(text, "switchboard_media_clock_streams", "gauge", "Streams the media clock paces.", clock.Count);
        Sample(text, "switchboard_rtp_packets_sent_total", "counter", "RTP packets sent by calls' media.", clock.SendLateness.Count);
        Header(text, "dotnet_gc_collections_total", "counter", "Garbage collections of the process, by generation.");
        for (var generation = 0; generation <= GC.MaxGeneration; generation++)
        {
            text.Append(CultureInfo.InvariantCulture, $"dotnet_gc_collections_total{{generation=\"{generation}\"}} {GC.CollectionCount(generation)}\n");
        }

        Sample(text, "dotnet_gc_pause_seconds_total", "counter", "Time the runtime held every managed thread, media clock included, for garbage collection.", GC.GetTotalPauseDuration().TotalSeconds);
        Sample(text, "dotnet_gc_allocated_bytes_total", "counter", "Bytes the process allocated on the managed heap.", GC.GetTotalAllocatedBytes());
        Histogram(text, "switchboard_rtp_send_lateness_seconds", "How late RTP packets went out, from their due instant to the return of the send.", clock.SendLateness);
        return text.ToString();
    }

    private static void Sample(StringBuilder text, string name, string type, string help, double value)
    {
        Header(text, name, type, help);
        text.Append(CultureInfo.InvariantCulture, $"{name} {value}\n");
    }

    // A packet recorded while this runs may be in a bucket before it is in the count, so +Inf is never below the last bucket.
    private static void Histogram(StringBuilder text, string name, string help, LatenessHistogram histogram)
    {
        Header(text, name, "histogram", help);
        long cumulative = 0;
        foreach (var bound in LatenessBounds)
        {
            cumulative = histogram.CountBelow(TimeSpan.FromSeconds(bound));
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{le=\"{bound}\"}} {cumulative}\n");
        }

        var count = Math.Max(histogram.Count, cumulative);
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{le=\"+Inf\"}} {count}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum {histogram.EstimatedTotal().TotalSeconds}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count {count}\n");
    }

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
}
