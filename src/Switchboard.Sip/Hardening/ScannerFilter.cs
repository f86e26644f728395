using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Hardening;

/// <summary>Recognises the SIP scanners that probe every public port (by User-Agent), so their requests are dropped without an answer.</summary>
public static class ScannerFilter
{
    /// <summary>User-Agent fragments of well-known scanning and war-dialling tools, matched case-insensitively.</summary>
    public static IReadOnlyList<string> KnownScanners { get; } =
        ["friendly-scanner", "sipvicious", "sipcli", "sip-scan", "sipscan", "vaxsipuseragent", "pplsip", "sundayddr", "iwar", "sipsak", "smap", "siparmyknife", "cisco-sipscan", "mizu", "asterisk pbx 1.6.0.10"];

    /// <summary>True when the request's User-Agent names a known scanner.</summary>
    public static bool IsScanner(SipRequest request) =>
        request.Headers.Get(HeaderNames.UserAgent) is { } agent
        && KnownScanners.Any(scanner => agent.Contains(scanner, StringComparison.OrdinalIgnoreCase));
}
