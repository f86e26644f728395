using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A <c>sip:</c> or <c>sips:</c> URI (RFC 3261 §19.1): user, password, host, port, parameters and headers, all unescaped.</summary>
public sealed class SipUri : AddressUri
{
    /// <summary>Creates a URI.</summary>
    public SipUri(bool secure, string? user, HostPort host)
        : this(secure, user, host, new SipParameters())
    {
    }

    private SipUri(bool secure, string? user, HostPort host, SipParameters parameters)
    {
        IsSecure = secure;
        User = user;
        Host = host;
        Parameters = parameters;
    }

    /// <inheritdoc/>
    public override string Scheme => IsSecure ? "sips" : "sip";

    /// <summary>True for <c>sips:</c>.</summary>
    public bool IsSecure { get; }

    /// <summary>The user part, unescaped (it may contain any character, NUL included); null when absent.</summary>
    public string? User { get; }

    /// <summary>The password, unescaped; null when absent.</summary>
    public string? Password { get; init; }

    /// <summary>Host and optional port.</summary>
    public HostPort Host { get; }

    /// <summary>URI parameters (<c>;transport=tcp;lr</c>), unescaped.</summary>
    public SipParameters Parameters { get; init; }

    /// <summary>URI headers (<c>?Route=…&amp;Subject=…</c>), unescaped, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The <c>transport</c> parameter, or null.</summary>
    public string? Transport => Parameters["transport"];

    /// <summary>True when the URI has the <c>lr</c> parameter (a loose router).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            UriEscaping.AppendEscaped(builder, User, UriEscaping.UserChars);
            if (Password is not null)
            {
                builder.Append(':');
                UriEscaping.AppendEscaped(builder, Password, UriEscaping.PasswordChars);
            }

            builder.Append('@');
        }

        builder.Append(Host.ToString());
        UriEscaping.AppendParameters(builder, Parameters);

        for (var i = 0; i < Headers.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&');
            UriEscaping.AppendEscaped(builder, Headers[i].Key, UriEscaping.HeaderChars);
            builder.Append('=');
            UriEscaping.AppendEscaped(builder, Headers[i].Value, UriEscaping.HeaderChars);
        }

        return builder.ToString();
    }

    /// <summary>Parses a SIP or SIPS URI; the text must hold nothing else (no white space, no angle brackets).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipUri? uri, out string error) =>
        TryParse(text, build: true, out uri, out error);

    /// <summary>Reads a SIP or SIPS URI; without <paramref name="build"/> it only checks.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out SipUri? uri, out string error)
    {
        uri = null;
        error = string.Empty;
        var colon = text.IndexOf(':');
        var secure = colon > 0 && text[..colon].Equals("sips", StringComparison.OrdinalIgnoreCase);
        if (colon < 0 || (!secure && !text[..colon].Equals("sip", StringComparison.OrdinalIgnoreCase)))
        {
            error = $"'{Shorten(text)}' is not a valid SIP URI";
            return false;
        }

        var rest = text[(colon + 1)..];
        string? user = null;
        string? password = null;
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var passwordColon = userInfo.IndexOf(':');
            var userText = passwordColon < 0 ? userInfo : userInfo[..passwordColon];
            if (userText.IsEmpty || !UriEscaping.TryUnescape(userText, UriEscaping.UserChars, build, out user))
            {
                error = $"the user part of '{Shorten(text)}' has characters that must be escaped";
                return false;
            }

            if (passwordColon >= 0 && !UriEscaping.TryUnescape(userInfo[(passwordColon + 1)..], UriEscaping.PasswordChars, build, out password))
            {
                error = $"the password of '{Shorten(text)}' has characters that must be escaped";
                return false;
            }

            rest = rest[(at + 1)..];
        }

        var hostEnd = rest.IndexOfAny(';', '?');
        var hostText = hostEnd < 0 ? rest : rest[..hostEnd];
        if (!HostPort.TryRead(hostText, out var host, out var port))
        {
            error = $"'{Shorten(hostText)}' is not a valid host[:port] in '{Shorten(text)}'";
            return false;
        }

        rest = hostEnd < 0 ? [] : rest[hostEnd..];
        var parameters = build ? new SipParameters() : null;
        while (!rest.IsEmpty && rest[0] == ';')
        {
            rest = rest[1..];
            var end = rest.IndexOfAny(';', '?');
            var item = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];
            if (!TryReadParameter(item, build, out var name, out var value))
            {
                error = name is null
                    ? $"an empty or malformed parameter in '{Shorten(text)}'"
                    : $"parameter '{name}' of '{Shorten(text)}' has characters that must be escaped";
                return false;
            }

            parameters?.Set(name!, value);
        }

        IReadOnlyList<KeyValuePair<string, string>> headers = [];
        if (!rest.IsEmpty)
        {
            var list = build ? new List<KeyValuePair<string, string>>() : null;
            headers = list ?? headers;
            rest = rest[1..];
            while (true)
            {
                var amp = rest.IndexOf('&');
                var item = amp < 0 ? rest : rest[..amp];
                var equals = item.IndexOf('=');
                if (equals <= 0
                    || !UriEscaping.TryUnescape(item[..equals], UriEscaping.HeaderChars, build, out var name)
                    || !UriEscaping.TryUnescape(item[(equals + 1)..], UriEscaping.HeaderChars, build, out var value))
                {
                    error = $"a malformed header in '{Shorten(text)}'";
                    return false;
                }

                list?.Add(new(name!, value!));
                if (amp < 0)
                {
                    break;
                }

                rest = rest[(amp + 1)..];
            }
        }

        uri = build ? new SipUri(secure, user, new HostPort(host.ToString(), port), parameters!) { Password = password, Headers = headers } : null;
        return true;
    }

    /// <summary>
    /// Reads <c>name[=value]</c> of a URI parameter list (SIP and TEL URIs). Without <paramref name="build"/> nothing is
    /// decoded, except that on failure <paramref name="name"/> is the decoded name when the value is at fault and null when the name is.
    /// </summary>
    internal static bool TryReadParameter(ReadOnlySpan<char> item, bool build, out string? name, out string? value)
    {
        value = null;
        var equals = item.IndexOf('=');
        var nameText = equals < 0 ? item : item[..equals];
        if (nameText.IsEmpty || !UriEscaping.TryUnescape(nameText, UriEscaping.ParamChars, build, out name))
        {
            name = null;
            return false;
        }

        if (equals < 0 || UriEscaping.TryUnescape(item[(equals + 1)..], UriEscaping.ParamChars, build, out value))
        {
            return true;
        }

        UriEscaping.TryUnescape(nameText, UriEscaping.ParamChars, build: true, out name);
        return false;
    }
}
