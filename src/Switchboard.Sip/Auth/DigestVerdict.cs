namespace Switchboard.Sip.Auth;

/// <summary>What the Digest server decided about a request, and with which response it is refused.</summary>
public enum DigestVerdictKind
{
    /// <summary>The credentials are valid: serve the request.</summary>
    Authenticated,

    /// <summary>No usable credentials (none, another realm, a nonce not issued here): answer 401 with a fresh challenge.</summary>
    Challenge,

    /// <summary>The credentials were signed with an expired, evicted or already used nonce count: answer 401 with <c>stale=true</c>.</summary>
    Stale,

    /// <summary>The credentials are malformed (no nc or cnonce, a uri that is not the Request-URI): answer 400.</summary>
    Malformed,

    /// <summary>A wrong password, an unknown user or no qop=auth: answer 403.</summary>
    Forbidden,
}

/// <summary>The Digest server's decision about one request.</summary>
/// <param name="Kind">Authenticated, or how to refuse.</param>
/// <param name="Username">The user who signed the request, when known.</param>
/// <param name="Reason">Why it was refused (put in the reason phrase of a 400 or 403, and in the log).</param>
public sealed record DigestVerdict(DigestVerdictKind Kind, string? Username, string Reason);
