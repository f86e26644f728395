namespace Switchboard.Sip.Auth;

/// <summary>How this side challenges requests with Digest (RFC 7616) when it acts as the server: the realm, who may sign in, and nonce limits.</summary>
public sealed record DigestServerOptions
{
    /// <summary>The protection space named in every challenge (e.g. the server's domain).</summary>
    public required string Realm { get; init; }

    /// <summary>The password of a user name, or null for a user who may not sign in.</summary>
    public required Func<string, string?> Passwords { get; init; }

    /// <summary>
    /// The algorithms offered, one WWW-Authenticate each, most preferred first (RFC 8760: SHA-256 before MD5). Clients that read
    /// only the first challenge and know only MD5 (SIPp 3.6, some older phones) need MD5 first.
    /// </summary>
    public IReadOnlyList<string> Algorithms
    {
        get;
        init => field = value.Count > 0 && value.All(DigestAuthentication.Supports)
            ? value
            : throw new ArgumentException($"Digest algorithms must be one or more of MD5 and SHA-256, not '{string.Join(", ", value)}'.", nameof(value));
    } = ["SHA-256", "MD5"];

    /// <summary>How long a nonce may be used; after that the client gets <c>stale=true</c> and signs again with a fresh one.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How many nonces in use are tracked for replay protection (their last nonce count); when full, every nonce issued so far goes stale.</summary>
    public int MaxTrackedNonces { get; init; } = 100_000;
}
