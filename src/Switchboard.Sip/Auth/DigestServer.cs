using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Auth;

/// <summary>
/// Digest authentication as a server (RFC 7616 and RFC 2617, MD5 and SHA-256, qop=auth): checks the Authorization of a request
/// against the configured passwords and builds the refusal, a 401 that offers SHA-256 first and MD5 for older clients (by default).
/// </summary>
public sealed class DigestServer(DigestServerOptions options, TimeProvider time)
{
    private readonly DigestNonces _nonces = new(time, options.NonceLifetime, options.MaxTrackedNonces);

    /// <summary>How many nonces are tracked for replay protection now.</summary>
    public int TrackedNonces => _nonces.Tracked;

    /// <summary>Checks the Digest credentials of <paramref name="request"/> for this realm.</summary>
    public DigestVerdict Verify(SipRequest request)
    {
        var fields = request.Headers.GetAll(HeaderNames.Authorization)
            .Select(header => DigestFields.Read(header.Value))
            .FirstOrDefault(f => f is not null && f.GetValueOrDefault("realm") == options.Realm);
        if (fields is null)
        {
            return new(DigestVerdictKind.Challenge, null, $"no Digest credentials for realm \"{options.Realm}\"");
        }

        if (!fields.TryGetValue("username", out var username) || !fields.TryGetValue("nonce", out var nonce)
            || !fields.TryGetValue("uri", out var uri) || !fields.TryGetValue("response", out var response))
        {
            return new(DigestVerdictKind.Malformed, null, "Digest credentials need username, nonce, uri and response");
        }

        var algorithm = fields.GetValueOrDefault("algorithm", "MD5").ToUpperInvariant();
        if (!options.Algorithms.Contains(algorithm))
        {
            return new(DigestVerdictKind.Challenge, username, $"algorithm {algorithm} is not offered");
        }

        switch (_nonces.Check(nonce))
        {
            case DigestNonces.State.Unknown:
                return new(DigestVerdictKind.Challenge, username, "the nonce was not issued here");
            case DigestNonces.State.Stale:
                return new(DigestVerdictKind.Stale, username, "the nonce has expired");
        }

        if (!string.Equals(fields.GetValueOrDefault("qop"), "auth", StringComparison.OrdinalIgnoreCase))
        {
            return new(DigestVerdictKind.Forbidden, username, "qop=auth is required");
        }

        if (!fields.TryGetValue("nc", out var nc) || nc.Length != 8 || !uint.TryParse(nc, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var count)
            || !fields.TryGetValue("cnonce", out var cnonce) || cnonce.Length == 0)
        {
            return new(DigestVerdictKind.Malformed, username, "Digest credentials need nc (8 hex digits) and cnonce");
        }

        if (!SameResource(uri, request.RequestUri))
        {
            return new(DigestVerdictKind.Malformed, username, "the Digest uri does not name the Request-URI's host");
        }

        if (options.Passwords(username) is not { } password)
        {
            return new(DigestVerdictKind.Forbidden, username, "unknown user");
        }

        var challenge = new DigestChallenge(options.Realm, nonce, algorithm, ["auth"], null);
        if (!Signs(response, challenge, new DigestCredentials(username, password), request.Method, uri, nc, cnonce))
        {
            return new(DigestVerdictKind.Forbidden, username, "the response does not match (wrong password)");
        }

        return _nonces.Use(nonce, count)
            ? new(DigestVerdictKind.Authenticated, username, "authenticated")
            : new(DigestVerdictKind.Stale, username, "the nonce count was already used (a replay)");
    }

    /// <summary>
    /// True when the signed <paramref name="uri"/> names the resource of the Request-URI (RFC 2617 §3.2.2.5): for SIP, the same
    /// host and port (clients differ in whether they sign the user part, SIPp signs <c>sip:host:port</c>); otherwise the same text.
    /// </summary>
    private static bool SameResource(string uri, AddressUri requestUri)
    {
        if (!AddressUri.TryParse(uri, out var signed, out _))
        {
            return false;
        }

        return signed is SipUri sip && requestUri is SipUri target
            ? sip.Host.Host.Equals(target.Host.Host, StringComparison.OrdinalIgnoreCase) && sip.Host.Port == target.Host.Port
            : $"{signed}" == $"{requestUri}";
    }

    /// <summary>True when <paramref name="response"/> (hex, any case) is the qop=auth Digest of the request for these credentials; compared in constant time.</summary>
    internal static bool Signs(string response, DigestChallenge challenge, DigestCredentials credentials, string method, string uri, string nc, string cnonce)
    {
        var expected = DigestAuthentication.Response(challenge, credentials, method, uri, "auth", nc, cnonce);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant()));
    }

    /// <summary>The response that refuses <paramref name="request"/> for <paramref name="verdict"/>: 401 with a fresh challenge per offered algorithm (stale when it was), 400 or 403.</summary>
    public SipResponse Refusal(SipRequest request, DigestVerdict verdict, string toTag)
    {
        switch (verdict.Kind)
        {
            case DigestVerdictKind.Challenge or DigestVerdictKind.Stale:
                var unauthorized = SipResponse.For(request, 401, toTag: toTag);
                var nonce = _nonces.Issue();
                var stale = verdict.Kind == DigestVerdictKind.Stale ? ", stale=true" : string.Empty;
                foreach (var algorithm in options.Algorithms)
                {
                    unauthorized.Headers.Add(HeaderNames.WwwAuthenticate, $"Digest realm=\"{options.Realm}\", nonce=\"{nonce}\", algorithm={algorithm}, qop=\"auth\"{stale}");
                }

                return unauthorized;
            case DigestVerdictKind.Malformed:
                return SipResponse.For(request, 400, $"Bad Request ({verdict.Reason})", toTag);
            case DigestVerdictKind.Forbidden:
                return SipResponse.For(request, 403, toTag: toTag);
            default:
                throw new ArgumentException("An authenticated request is not refused.", nameof(verdict));
        }
    }
}
