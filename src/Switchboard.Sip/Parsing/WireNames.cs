using System.Diagnostics.CodeAnalysis;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>Header names, methods and tokens met on almost every message, kept as shared strings so reading them allocates nothing.</summary>
internal static class WireNames
{
    private static readonly Dictionary<string, HeaderKind> Shared = Build(
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

    private static readonly Dictionary<string, HeaderKind>.AlternateLookup<ReadOnlySpan<char>> ByChars = Shared.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, HeaderKind>.AlternateLookup<ReadOnlySpan<byte>> ByBytes = Shared.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The ASCII text of <paramref name="bytes"/>: a shared string when it is a common name (exact case), else a new one; and, for a header name, which typed header it is.</summary>
    public static string Get(ReadOnlySpan<byte> bytes, out HeaderKind kind)
    {
        if (ByBytes.TryGetValue(bytes, out var shared, out kind))
        {
            return shared;
        }

        var name = Encoding.ASCII.GetString(bytes);
        kind = KnownHeaders.KindOf(name);
        return name;
    }

    /// <summary>The shared string equal to <paramref name="text"/>, or null when it is not a common name.</summary>
    public static string? Find(ReadOnlySpan<char> text) => ByChars.TryGetValue(text, out var shared, out _) ? shared : null;

    private static Dictionary<string, HeaderKind> Build(params string[] names)
    {
        var table = new Dictionary<string, HeaderKind>(new AsciiComparer());
        foreach (var name in names)
        {
            table[name] = KnownHeaders.KindOf(name);
        }

        return table;
    }

    /// <summary>Ordinal comparison of ASCII keys that also looks up by chars or by bytes, so no text is converted to find a name.</summary>
    private sealed class AsciiComparer :
        IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
    {
        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode([DisallowNull] string obj) => Hash(obj.AsSpan());

        public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

        public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();

        public bool Equals(ReadOnlySpan<byte> alternate, string other) => alternate.Length == other.Length && Ascii.Equals(alternate, other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = 2166136261;
            foreach (var b in alternate)
            {
                hash = (hash ^ b) * 16777619;
            }

            return (int)hash;
        }

        public string Create(ReadOnlySpan<byte> alternate) => Encoding.ASCII.GetString(alternate);

        private static int Hash(ReadOnlySpan<char> text)
        {
            var hash = 2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)hash;
        }
    }
}
