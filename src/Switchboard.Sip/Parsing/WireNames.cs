using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>Header names, methods and tokens met on almost every message, kept as shared strings so reading them allocates nothing.</summary>
internal static class WireNames
{
    private const int MaxLength = 32;

    private static readonly Entry[]?[] Shared = Build(
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

    /// <summary>
    /// The ASCII text of <paramref name="bytes"/>: a shared string when it is a common name in its exact case, else a
    /// new one; for a header name, which typed header it is; <paramref name="isToken"/> when it is a shared token (so need not be checked).
    /// </summary>
    public static string Get(ReadOnlySpan<byte> bytes, out HeaderKind kind, out bool isToken)
    {
        if (Bucket(bytes.Length, bytes.IsEmpty ? 0 : bytes[0]) is { } entries)
        {
            foreach (var entry in entries)
            {
                if (Ascii.Equals(bytes, entry.Text))
                {
                    kind = entry.Kind;
                    isToken = entry.IsToken;
                    return entry.Text;
                }
            }
        }

        isToken = false;
        var name = Encoding.ASCII.GetString(bytes);
        kind = KnownHeaders.KindOf(name);
        return name;
    }

    /// <summary>The shared string equal to <paramref name="text"/>, or null when it is not a common name.</summary>
    public static string? Find(ReadOnlySpan<char> text)
    {
        if (Bucket(text.Length, text.IsEmpty ? 0 : text[0]) is { } entries)
        {
            foreach (var entry in entries)
            {
                if (text.SequenceEqual(entry.Text))
                {
                    return entry.Text;
                }
            }
        }

        return null;
    }

    /// <summary>The names of one length and first character, or null; longer or non-ASCII names are never shared.</summary>
    private static Entry[]? Bucket(int length, int first) => length < MaxLength && first < 128 ? Shared[(length << 7) | first] : null;

    private static Entry[]?[] Build(params string[] names)
    {
        var table = new Entry[]?[MaxLength << 7];
        foreach (var name in names)
        {
            var index = (name.Length << 7) | name[0];
            table[index] = [.. table[index] ?? [], new Entry(name, KnownHeaders.KindOf(name), SipGrammar.IsToken(name))];
        }

        return table;
    }

    /// <summary>A shared name, the typed header it names if any, and whether it is a token.</summary>
    private sealed record Entry(string Text, HeaderKind Kind, bool IsToken);
}
