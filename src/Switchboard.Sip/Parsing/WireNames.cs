using System.Buffers;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>Header names, methods and tokens met on almost every message, kept as shared strings so reading them allocates nothing.</summary>
internal static class WireNames
{
    private const int LongestName = 32;

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Shared = Build(
        HeaderNames.Accept, HeaderNames.Allow, HeaderNames.Authorization, HeaderNames.CallId, "Call-Id", HeaderNames.Contact,
        HeaderNames.ContentEncoding, HeaderNames.ContentLength, HeaderNames.ContentType, HeaderNames.CSeq, HeaderNames.Event,
        HeaderNames.Expires, HeaderNames.From, HeaderNames.MaxForwards, HeaderNames.ProxyAuthenticate, HeaderNames.ProxyAuthorization,
        HeaderNames.ProxyRequire, HeaderNames.RecordRoute, HeaderNames.ReferTo, HeaderNames.ReferredBy, HeaderNames.Require,
        HeaderNames.Route, HeaderNames.Server, HeaderNames.Subject, HeaderNames.Supported, HeaderNames.To, HeaderNames.Unsupported,
        HeaderNames.UserAgent, HeaderNames.Via, HeaderNames.WwwAuthenticate,
        "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow-Events", "Authentication-Info", "Call-Info", "Content-Disposition",
        "Date", "Diversion", "Min-Expires", "Min-SE", "Organization", "P-Asserted-Identity", "P-Preferred-Identity", "Privacy",
        "RAck", "RSeq", "Reason", "Remote-Party-ID", "Replaces", "Retry-After", "Session-Expires", "Subscription-State", "Timestamp",
        "Warning", "i", "m", "e", "l", "c", "f", "s", "k", "t", "v", "o", "r", "b", "u", "x",
        SipMethods.Invite, SipMethods.Ack, SipMethods.Bye, SipMethods.Cancel, SipMethods.Options, SipMethods.Register, SipMethods.Info,
        SipMethods.Refer, SipMethods.Notify, SipMethods.Subscribe, SipMethods.Prack, SipMethods.Update, SipMethods.Message,
        SipMethods.Publish, SipVersion.V2, "UDP", "TCP", "TLS", "SCTP", "WS", "WSS", "application", "sdp", "sip", "sips", "tag", "branch",
        "rport", "received", "maddr", "ttl", "lr", "transport", "user", "phone", "expires", "q", "replaces", "timer", "100rel", "path",
        "norefersub", "udp", "tcp", "tls");

    /// <summary>The ASCII text of <paramref name="bytes"/>: a shared string when it is a common name (exact case), else a new one.</summary>
    public static string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= LongestName)
        {
            Span<char> chars = stackalloc char[LongestName];
            if (Ascii.ToUtf16(bytes, chars, out var written) == OperationStatus.Done && Shared.TryGetValue(chars[..written], out var shared))
            {
                return shared;
            }
        }

        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary>The shared string equal to <paramref name="text"/>, or null when it is not a common name.</summary>
    public static string? Find(ReadOnlySpan<char> text) => Shared.TryGetValue(text, out var shared) ? shared : null;

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Build(params string[] names)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            table[name] = name;
        }

        return table.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
