using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Messaging.Twilio;

/// <summary>
/// Twilio's request signature (<c>X-Twilio-Signature</c>): HMAC-SHA1, keyed with the auth token, over the
/// full URL followed by every POST parameter name and value, sorted by name; Base64.
/// </summary>
public static class TwilioSignature
{
    /// <summary>The header Twilio puts the signature in.</summary>
    public const string Header = "X-Twilio-Signature";

    /// <summary>The signature Twilio computes for <paramref name="url"/> and <paramref name="parameters"/>.</summary>
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var data = new StringBuilder(url);
        // Names in ordinal (UTF-16 code unit) order; a repeated name contributes each distinct value once, values sorted likewise.
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

#pragma warning disable CA5350 // Twilio's protocol fixes HMAC-SHA1; as a MAC it is not affected by SHA-1's collision weakness.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    /// <summary>
    /// True when <paramref name="signature"/> matches <paramref name="url"/> as given, without its port, or
    /// with its scheme's default port (proxies differ in which form reaches the application). Constant-time.
    /// </summary>
    public static bool IsValid(string authToken, string url, IReadOnlyCollection<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(signature);
        var valid = false;
        foreach (var candidate in UrlForms(url))
        {
            // Evaluate every form, so the time taken does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Compute(authToken, candidate, parameters)));
        }

        return valid;
    }

    private static IEnumerable<string> UrlForms(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        var authorityStart = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var portStart = authority.IndexOf(':', authority.LastIndexOf(']') + 1);
        var host = portStart < 0 ? authority : authority[..portStart];
        var defaultPort = uri.Scheme == Uri.UriSchemeHttps ? ":443" : ":80";
        yield return url[..authorityStart] + host + url[authorityEnd..];
        if (portStart < 0)
        {
            yield return url[..authorityStart] + host + defaultPort + url[authorityEnd..];
        }
    }
}
