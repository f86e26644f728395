using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A <c>sip:</c> or <c>sips:</c> URI (RFC 3261 §19.1): user, password, host, port, parameters and headers, all unescaped.</summary>
public sealed class SipUri : AddressUri
{
    /// <summary>Creates a URI.</summary>
    public SipUri(bool secure, string? user, HostPort host)
    {
        IsSecure = secure;
        User = user;
        Host = host;
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
    public SipParameters Parameters { get; init; } = new();

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
            UriEscaping.AppendEscaped(builder, User, UriEscaping.UserExtra);
            if (Password is not null)
            {
                builder.Append(':');
                UriEscaping.AppendEscaped(builder, Password, UriEscaping.PasswordExtra);
            }

            builder.Append('@');
        }

        builder.Append(Host.ToString());
        UriEscaping.AppendParameters(builder, Parameters);

        for (var i = 0; i < Headers.Count; i++)
        {
            builder.Append(i == 0 ? '?' : '&');
            UriEscaping.AppendEscaped(builder, Headers[i].Key, UriEscaping.HeaderExtra);
            builder.Append('=');
            UriEscaping.AppendEscaped(builder, Headers[i].Value, UriEscaping.HeaderExtra);
        }

        return builder.ToString();
    }

    /// <summary>Parses a SIP or SIPS URI; the text must hold nothing else (no white space, no angle brackets).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SipUri? uri, out string error)
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
            if (userText.IsEmpty || !UriEscaping.TryUnescape(userText, UriEscaping.UserExtra, out var u))
            {
                error = $"the user part of '{Shorten(text)}' has characters that must be escaped";
                return false;
            }

            user = u;
            if (passwordColon >= 0)
            {
                if (!UriEscaping.TryUnescape(userInfo[(passwordColon + 1)..], UriEscaping.PasswordExtra, out var pw))
                {
                    error = $"the password of '{Shorten(text)}' has characters that must be escaped";
                    return false;
                }

                password = pw;
            }

            rest = rest[(at + 1)..];
        }

        var hostEnd = rest.IndexOfAny(';', '?');
        var hostText = hostEnd < 0 ? rest : rest[..hostEnd];
        if (!HostPort.TryParse(hostText, out var host))
        {
            error = $"'{Shorten(hostText)}' is not a valid host[:port] in '{Shorten(text)}'";
            return false;
        }

        rest = hostEnd < 0 ? [] : rest[hostEnd..];
        var parameters = new SipParameters();
        while (!rest.IsEmpty && rest[0] == ';')
        {
            rest = rest[1..];
            var end = rest.IndexOfAny(';', '?');
            var item = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];
            var equals = item.IndexOf('=');
            var nameText = equals < 0 ? item : item[..equals];
            if (nameText.IsEmpty || !UriEscaping.TryUnescape(nameText, UriEscaping.ParamExtra, out var name))
            {
                error = $"an empty or malformed parameter in '{Shorten(text)}'";
                return false;
            }

            string? value = null;
            if (equals >= 0 && !UriEscaping.TryUnescape(item[(equals + 1)..], UriEscaping.ParamExtra, out value))
            {
                error = $"parameter '{name}' of '{Shorten(text)}' has characters that must be escaped";
                return false;
            }

            parameters.Set(name, value);
        }

        IReadOnlyList<KeyValuePair<string, string>> headers = [];
        if (!rest.IsEmpty)
        {
            var list = new List<KeyValuePair<string, string>>();
            headers = list;
            foreach (var range in rest[1..].Split('&'))
            {
                var item = rest[1..][range];
                var equals = item.IndexOf('=');
                if (equals <= 0
                    || !UriEscaping.TryUnescape(item[..equals], UriEscaping.HeaderExtra, out var name)
                    || !UriEscaping.TryUnescape(item[(equals + 1)..], UriEscaping.HeaderExtra, out var value))
                {
                    error = $"a malformed header in '{Shorten(text)}'";
                    return false;
                }

                list.Add(new(name, value));
            }
        }

        uri = new SipUri(secure, user, host) { Password = password, Parameters = parameters, Headers = headers };
        return true;
    }
}
