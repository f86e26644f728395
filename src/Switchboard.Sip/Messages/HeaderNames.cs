namespace Switchboard.Sip.Messages;

/// <summary>Header names the stack reads, and the compact forms (RFC 3261 §7.3.3 and extensions) that mean the same header.</summary>
public static class HeaderNames
{
#pragma warning disable CS1591 // The names say what they are.
    public const string Accept = "Accept";
    public const string Allow = "Allow";
    public const string Authorization = "Authorization";
    public const string CallId = "Call-ID";
    public const string Contact = "Contact";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string Event = "Event";
    public const string Expires = "Expires";
    public const string From = "From";
    public const string MaxForwards = "Max-Forwards";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyRequire = "Proxy-Require";
    public const string RecordRoute = "Record-Route";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string ReferSub = "Refer-Sub";
    public const string Require = "Require";
    public const string RetryAfter = "Retry-After";
    public const string Route = "Route";
    public const string Server = "Server";
    public const string Subject = "Subject";
    public const string SubscriptionState = "Subscription-State";
    public const string Supported = "Supported";
    public const string To = "To";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Via = "Via";
    public const string WwwAuthenticate = "WWW-Authenticate";
#pragma warning restore CS1591

    private static readonly Dictionary<string, string> Compact = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = CallId, ["m"] = Contact, ["e"] = ContentEncoding, ["l"] = ContentLength, ["c"] = ContentType,
        ["f"] = From, ["s"] = Subject, ["k"] = Supported, ["t"] = To, ["v"] = Via, ["o"] = Event,
        ["r"] = ReferTo, ["b"] = ReferredBy, ["u"] = "Allow-Events", ["x"] = "Session-Expires",
        ["a"] = "Accept-Contact", ["j"] = "Reject-Contact", ["d"] = "Request-Disposition", ["y"] = "Identity", ["n"] = "Identity-Info",
    };

    /// <summary>The long form of a compact name (<c>v</c> → <c>Via</c>); other names come back unchanged.</summary>
    public static string Expand(string name) => name.Length == 1 && Compact.TryGetValue(name, out var full) ? full : name;

    /// <summary>True when two header names denote the same header (case-insensitive, compact forms expanded).</summary>
    public static bool Same(string a, string b) => string.Equals(Expand(a), Expand(b), StringComparison.OrdinalIgnoreCase);
}
