using Switchboard.Calls;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>
/// How call control dials out (<c>Sip:Outbound</c>): the PBX or trunk that extensions and numbers are dialled through, who
/// the calls come from, and the account's Digest credentials (the password read from an environment variable).
/// </summary>
public sealed record OutboundOptions
{
    /// <summary>The PBX or trunk as <c>host</c> or <c>host:port</c> (<c>pbx.example.com</c>, <c>10.0.0.5:5062</c>); an extension
    /// or number <c>N</c> is dialled as <c>sip:N@Proxy</c>. Null: only SIP URIs can be dialled.</summary>
    public string? Proxy { get; init; }

    /// <summary>The transport toward the proxy (UDP or TCP).</summary>
    public SipTransportProtocol Transport { get; init; } = SipTransportProtocol.Udp;

    /// <summary>The user part of From (the account, extension or trunk number calls come from).</summary>
    public string FromUser { get; init; } = "switchboard";

    /// <summary>The display name in From, or null for none.</summary>
    public string? FromDisplay { get; init; }

    /// <summary>The host part of From; null uses the proxy's host, or this side's address when there is no proxy.</summary>
    public string? FromDomain { get; init; }

    /// <summary>The user name answered to a Digest challenge; null uses <see cref="FromUser"/>.</summary>
    public string? AuthUser { get; init; }

    /// <summary>The environment variable holding the account password; null when the PBX does not challenge.</summary>
    public string? PasswordEnv { get; init; }

    /// <summary>Checks the settings at start-up; throws <see cref="ArgumentException"/> naming the <c>Sip:Outbound</c> key that is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(FromUser) || FromUser.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"Sip:Outbound:FromUser '{FromUser}' must be a user name without spaces.");
        }

        if (Transport is not (SipTransportProtocol.Udp or SipTransportProtocol.Tcp))
        {
            throw new ArgumentException($"Sip:Outbound:Transport {Transport} is not supported; use Udp or Tcp.");
        }

        _ = ProxyHost();
    }

    /// <summary>The Request-URI for <paramref name="destination"/>: a <c>sip:</c>/<c>sips:</c> URI as it is, a <c>tel:</c> URI or a
    /// dialable extension or number at <see cref="Proxy"/>. Throws <see cref="ArgumentException"/> saying why it cannot be dialled.</summary>
    public SipUri UriFor(Destination destination)
    {
        var target = destination.Target.Trim();
        if (target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
        {
            return SipUri.TryParse(target, out var uri, out var error)
                ? uri!
                : throw new ArgumentException($"'{target}' is not a SIP URI: {error}.");
        }

        var number = target.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            ? TelUri.TryParse(target, out var tel, out var telError) ? tel!.Number : throw new ArgumentException($"'{target}' is not a tel URI: {telError}.")
            : target;
        if (number.Length == 0 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '*' or '#' or '.' or '-' or '_'))
        {
            throw new ArgumentException($"'{target}' is neither a SIP URI nor an extension or number (digits, letters, + * # . - _).");
        }

        var proxy = ProxyHost() ?? throw new ArgumentException($"'{target}' needs a PBX or trunk to dial through, and Sip:Outbound:Proxy is not set.");
        var parameters = new SipParameters();
        if (Transport != SipTransportProtocol.Udp)
        {
            parameters.Set("transport", Transport.ToString().ToLowerInvariant());
        }

        return new SipUri(false, number, proxy) { Parameters = parameters };
    }

    /// <summary>The From address (without tag) calls come from; <paramref name="localHost"/> stands in when neither a domain nor a proxy is set.</summary>
    public NameAddr FromAddress(string localHost) =>
        new(FromDisplay, new SipUri(false, FromUser, new HostPort(FromDomain ?? ProxyHost()?.Host ?? localHost, null)), new SipParameters());

    /// <summary>
    /// The credentials for a Digest challenge, or null when <see cref="PasswordEnv"/> is not set. Throws
    /// <see cref="ArgumentException"/> naming the key when the variable it names is not set.
    /// </summary>
    public DigestCredentials? Credentials(Func<string, string?> environment)
    {
        if (PasswordEnv is null)
        {
            return null;
        }

        var password = environment(PasswordEnv);
        return string.IsNullOrEmpty(password)
            ? throw new ArgumentException($"Sip:Outbound:PasswordEnv names the environment variable {PasswordEnv}, which is not set.")
            : new DigestCredentials(AuthUser ?? FromUser, password);
    }

    private HostPort? ProxyHost()
    {
        if (Proxy is null)
        {
            return null;
        }

        return HostPort.TryParse(Proxy, out var host)
            ? host
            : throw new ArgumentException($"Sip:Outbound:Proxy '{Proxy}' is not host or host:port.");
    }
}
