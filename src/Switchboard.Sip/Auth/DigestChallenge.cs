using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Auth;

/// <summary>A Digest challenge from WWW-Authenticate or Proxy-Authenticate (RFC 7616, RFC 3261 §22.4).</summary>
/// <param name="Realm">The protection space.</param>
/// <param name="Nonce">The server's nonce.</param>
/// <param name="Algorithm">MD5 or SHA-256 (upper case; MD5 when absent).</param>
/// <param name="Qop">The qop options offered (empty for RFC 2069 style).</param>
/// <param name="Opaque">Opaque data to echo, or null.</param>
public sealed record DigestChallenge(string Realm, string Nonce, string Algorithm, IReadOnlyList<string> Qop, string? Opaque)
{
    /// <summary>Parses <c>Digest k=v, k="v", …</c>; fails for other schemes or a challenge without realm or nonce.</summary>
    public static bool TryParse(string value, out DigestChallenge? challenge)
    {
        challenge = null;
        if (DigestFields.Read(value) is not { } fields || !fields.TryGetValue("realm", out var realm) || !fields.TryGetValue("nonce", out var nonce))
        {
            return false;
        }

        var qop = fields.TryGetValue("qop", out var offered)
            ? offered.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        challenge = new DigestChallenge(realm, nonce, fields.GetValueOrDefault("algorithm", "MD5").ToUpperInvariant(), qop, fields.GetValueOrDefault("opaque"));
        return true;
    }

    /// <summary>The strongest Digest challenge this stack can answer among the response's 401/407 challenge headers.</summary>
    public static DigestChallenge? From(SipResponse response)
    {
        var name = response.StatusCode == 407 ? HeaderNames.ProxyAuthenticate : HeaderNames.WwwAuthenticate;
        return response.Headers.GetAll(name)
            .Select(h => TryParse(h.Value, out var c) ? c : null)
            .OfType<DigestChallenge>()
            .Where(c => DigestAuthentication.Supports(c.Algorithm))
            .OrderByDescending(c => c.Algorithm == "SHA-256")
            .FirstOrDefault();
    }
}
