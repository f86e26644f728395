using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Auth;

/// <summary>Digest authentication as a client (RFC 7616 with MD5 and SHA-256, qop=auth; RFC 2069 style when no qop is offered).</summary>
public static class DigestAuthentication
{
    /// <summary>True for the algorithms answered here.</summary>
    public static bool Supports(string algorithm) => algorithm is "MD5" or "SHA-256";

    /// <summary>The <c>response</c> value: H(H(A1):nonce[:nc:cnonce:qop]:H(A2)) with A1 = user:realm:password and A2 = method:uri.</summary>
    public static string Response(DigestChallenge challenge, DigestCredentials credentials, string method, string uri, string? qop, string nonceCount, string clientNonce)
    {
        var ha1 = Hash(challenge.Algorithm, $"{credentials.Username}:{challenge.Realm}:{credentials.Password}");
        var ha2 = Hash(challenge.Algorithm, $"{method}:{uri}");
        return qop is null
            ? Hash(challenge.Algorithm, $"{ha1}:{challenge.Nonce}:{ha2}")
            : Hash(challenge.Algorithm, $"{ha1}:{challenge.Nonce}:{nonceCount}:{clientNonce}:{qop}:{ha2}");
    }

    /// <summary>The Authorization (or Proxy-Authorization) value answering <paramref name="challenge"/> for <paramref name="request"/>.</summary>
    public static string Authorization(DigestChallenge challenge, DigestCredentials credentials, SipRequest request, int nonceCount = 1, string? clientNonce = null)
    {
        var uri = $"{request.RequestUri}";
        var qop = challenge.Qop.Contains("auth", StringComparer.OrdinalIgnoreCase) ? "auth" : null;
        var nc = nonceCount.ToString("x8", CultureInfo.InvariantCulture);
        var cnonce = clientNonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var response = Response(challenge, credentials, request.Method, uri, qop, nc, cnonce);
        var value = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Digest username=\"{credentials.Username}\", realm=\"{challenge.Realm}\", nonce=\"{challenge.Nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm={challenge.Algorithm}");
        if (qop is not null)
        {
            value.Append(CultureInfo.InvariantCulture, $", qop={qop}, nc={nc}, cnonce=\"{cnonce}\"");
        }

        if (challenge.Opaque is not null)
        {
            value.Append(CultureInfo.InvariantCulture, $", opaque=\"{challenge.Opaque}\"");
        }

        return value.ToString();
    }

    /// <summary>
    /// The request to send again after a 401/407 (RFC 3261 §22.2): the same request with CSeq one higher, no Via
    /// (the transaction layer adds a new one) and the credentials; null when the challenge cannot be answered.
    /// </summary>
    public static SipRequest? Retry(SipRequest original, SipResponse challengeResponse, DigestCredentials credentials)
    {
        if (DigestChallenge.From(challengeResponse) is not { } challenge)
        {
            return null;
        }

        var retry = new SipRequest(original.Method, original.RequestUri) { Body = original.Body };
        var header = challengeResponse.StatusCode == 407 ? HeaderNames.ProxyAuthorization : HeaderNames.Authorization;
        foreach (var field in original.Headers)
        {
            if (field.Is(HeaderNames.Via) || field.Is(header))
            {
                continue;
            }

            retry.Headers.Add(field.Is(HeaderNames.CSeq) ? new SipHeader(HeaderNames.CSeq, new CSeq(original.CSeq!.Number + 1, original.Method).ToString()) : field);
        }

        retry.Headers.Add(header, Authorization(challenge, credentials, retry));
        return retry;
    }

    private static string Hash(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // MD5 is what most PBXs and trunks still challenge with; SHA-256 is preferred when offered.
        return Convert.ToHexStringLower(algorithm == "SHA-256" ? SHA256.HashData(bytes) : MD5.HashData(bytes));
#pragma warning restore CA5351
    }
}
