using System.Buffers;
using System.Text;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>%-escaping of URI components (RFC 3261 §19.1.2, §25.1): decoding what arrives, encoding what is written.</summary>
internal static class UriEscaping
{
    /// <summary>Characters a user part may hold unescaped besides unreserved ones.</summary>
    public static readonly SearchValues<char> UserExtra = SearchValues.Create("&=+$,;?/");

    /// <summary>Characters a password may hold unescaped besides unreserved ones.</summary>
    public static readonly SearchValues<char> PasswordExtra = SearchValues.Create("&=+$,");

    /// <summary>Characters a URI parameter may hold unescaped besides unreserved ones.</summary>
    public static readonly SearchValues<char> ParamExtra = SearchValues.Create("[]/:&+$");

    /// <summary>Characters a URI header name or value may hold unescaped besides unreserved ones.</summary>
    public static readonly SearchValues<char> HeaderExtra = SearchValues.Create("[]/?:+$");

    /// <summary>Decodes <paramref name="text"/>, checking every character is allowed or escaped; escapes decode as UTF-8 bytes.</summary>
    public static bool TryUnescape(ReadOnlySpan<char> text, SearchValues<char> extra, out string value)
    {
        value = string.Empty;
        if (!text.Contains('%'))
        {
            foreach (var c in text)
            {
                if (!SipGrammar.IsUnreserved(c) && !extra.Contains(c))
                {
                    return false;
                }
            }

            value = text.ToString();
            return true;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 2;
            }
            else if (SipGrammar.IsUnreserved(c) || extra.Contains(c))
            {
                bytes.Add((byte)c);
            }
            else
            {
                return false;
            }
        }

        value = Encoding.UTF8.GetString([.. bytes]);
        return true;
    }

    /// <summary>Writes <paramref name="value"/> escaping every byte that is not unreserved or in <paramref name="extra"/>.</summary>
    public static void AppendEscaped(StringBuilder builder, string value, SearchValues<char> extra)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && (SipGrammar.IsUnreserved((char)rune.Value) || extra.Contains((char)rune.Value)))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>Writes <c>;name=value</c> for each URI parameter, escaping what the URI grammar requires.</summary>
    public static void AppendParameters(StringBuilder builder, SipParameters parameters)
    {
        foreach (var p in parameters.Items)
        {
            builder.Append(';');
            AppendEscaped(builder, p.Name, ParamExtra);
            if (p.Value is not null)
            {
                builder.Append('=');
                AppendEscaped(builder, p.Value, ParamExtra);
            }
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
