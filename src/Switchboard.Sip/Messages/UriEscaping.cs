using System.Buffers;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>%-escaping of URI components (RFC 3261 §19.1.2, §25.1): decoding what arrives, encoding what is written.</summary>
internal static class UriEscaping
{
    private const string Unreserved = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()";

    /// <summary>Characters a user part may hold unescaped: unreserved and <c>&amp;=+$,;?/</c>.</summary>
    public static readonly SearchValues<char> UserChars = SearchValues.Create(Unreserved + "&=+$,;?/");

    /// <summary>Characters a password may hold unescaped: unreserved and <c>&amp;=+$,</c>.</summary>
    public static readonly SearchValues<char> PasswordChars = SearchValues.Create(Unreserved + "&=+$,");

    /// <summary>Characters a URI parameter may hold unescaped: unreserved and <c>[]/:&amp;+$</c>.</summary>
    public static readonly SearchValues<char> ParamChars = SearchValues.Create(Unreserved + "[]/:&+$");

    /// <summary>Characters a URI header name or value may hold unescaped: unreserved and <c>[]/?:+$</c>.</summary>
    public static readonly SearchValues<char> HeaderChars = SearchValues.Create(Unreserved + "[]/?:+$");

    /// <summary>
    /// Checks that every character of <paramref name="text"/> is in <paramref name="allowed"/> or escaped and, with
    /// <paramref name="build"/>, decodes it (escapes as UTF-8 bytes); without it <paramref name="value"/> is null.
    /// </summary>
    public static bool TryUnescape(ReadOnlySpan<char> text, SearchValues<char> allowed, bool build, out string? value)
    {
        value = null;
        var escape = text.IndexOf('%');
        if (escape < 0)
        {
            if (text.ContainsAnyExcept(allowed))
            {
                return false;
            }

            value = build ? text.ToString() : null;
            return true;
        }

        var rented = text.Length > StackLimit ? ArrayPool<byte>.Shared.Rent(text.Length) : null;
        Span<byte> bytes = rented is null ? stackalloc byte[StackLimit] : rented;
        var ok = TryDecode(text, allowed, bytes, out var length);
        if (ok && build)
        {
            value = Encoding.UTF8.GetString(bytes[..length]);
        }

        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return ok;
    }

    /// <summary>Writes <paramref name="value"/> escaping every byte that is not in <paramref name="allowed"/>.</summary>
    public static void AppendEscaped(StringBuilder builder, string value, SearchValues<char> allowed)
    {
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && allowed.Contains((char)rune.Value))
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
            AppendEscaped(builder, p.Name, ParamChars);
            if (p.Value is not null)
            {
                builder.Append('=');
                AppendEscaped(builder, p.Value, ParamChars);
            }
        }
    }

    private const int StackLimit = 256;

    private static bool TryDecode(ReadOnlySpan<char> text, SearchValues<char> allowed, Span<byte> bytes, out int length)
    {
        length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                bytes[length++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 2;
            }
            else if (allowed.Contains(c))
            {
                bytes[length++] = (byte)c;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
