using System.Text.RegularExpressions;

namespace Switchboard.Numbers.Parsing;

/// <summary>
/// Finds the number in free text the way libphonenumber does (RFC 3966 <c>tel:</c> URIs, leading and trailing
/// text, extensions such as <c>ext. 12</c> or <c>;ext=12</c>) and reduces it to an optional <c>+</c> and ASCII digits.
/// </summary>
internal static class InputText
{
    /// <summary>Longer text is not read as a number (libphonenumber's limit).</summary>
    public const int MaxLength = 250;

    /// <summary>The scratch space <see cref="Normalize"/> needs for a text of the given length.</summary>
    public static int BufferLength(int textLength) => (3 * textLength) + 1;

    private const string Digits = "0-9\uFF10-\uFF19\u0660-\u0669\u06F0-\u06F9";
    private const string Punctuation = @"\-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D\[\]~\u2053\u223C\uFF5E";
    private const string PhoneContext = ";phone-context=";
    private const string TelScheme = "tel:";
    private const string Subaddress = ";isub=";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>The ways an extension can follow a number: RFC 3966, labels ("ext", "x", "anexo"), dial-pause commas, "- 12#".</summary>
    private static readonly string ExtensionPattern = string.Join('|',
        $";ext=([{Digits}]{{1,20}})",
        $"[ \u00A0\\t,]*(?:e?xt(?:ensi(?:o\u0301?|\u00F3))?n?|\uFF45?\uFF58\uFF54\uFF4E?|\u0434\u043E\u0431|anexo)[:\\.\uFF0E]?[ \u00A0\\t,-]*([{Digits}]{{1,20}})#?",
        $"[ \u00A0\\t,]*(?:[x\uFF58#\uFF03~\uFF5E]|int|\uFF49\uFF4E\uFF54)[:\\.\uFF0E]?[ \u00A0\\t,-]*([{Digits}]{{1,9}})#?",
        $"[- ]+([{Digits}]{{1,6}})#",
        $"[ \u00A0\\t]*(?:,{{2}}|;)[:\\.\uFF0E]?[ \u00A0\\t,-]*([{Digits}]{{1,15}})#?",
        $"[ \u00A0\\t]*(?:,)+[:\\.\uFF0E]?[ \u00A0\\t,-]*([{Digits}]{{1,9}})#?");

    /// <summary>Two digits alone, or a plus, at least three digits among punctuation, and maybe an extension.</summary>
    private static readonly Regex Viable = new(
        $@"\A[{Digits}]{{2}}\z|\A[+\uFF0B]?(?:[{Punctuation}]*[{Digits}]){{3,}}[{Punctuation}{Digits}]*(?:{ExtensionPattern})?\z",
        Options);

    /// <summary>One or two digits, perhaps after a plus and punctuation: the start of a number, too short to be one.</summary>
    private static readonly Regex ViableStart = new($@"\A[+\uFF0B]?(?:[{Punctuation}]*[{Digits}]){{1,2}}\z", Options);

    private static readonly Regex TrailingExtension = new($@"(?:{ExtensionPattern})\z", Options);

    private static readonly Regex GlobalNumberDigits = new($@"\A\+(?:[{Digits}]|[\-\.\(\)]?)*[{Digits}](?:[{Digits}]|[\-\.\(\)]?)*\z", RegexOptions.CultureInvariant);

    private static readonly Regex DomainName = new($@"\A(?:[{Digits}]+(?:\-*[{Digits}])*\.)*[a-zA-Z]+(?:\-*[{Digits}])*\.?\z", RegexOptions.CultureInvariant);

    /// <summary>
    /// Writes the number found in <paramref name="text"/> to <paramref name="destination"/> as <c>+</c>? and
    /// ASCII digits. The destination needs <see cref="BufferLength"/> characters.
    /// </summary>
    public static ParseFailure Normalize(ReadOnlySpan<char> text, Span<char> destination, out int written)
    {
        written = 0;
        if (IsPlainDigits(text))
        {
            var digitCount = text[0] == '+' ? text.Length - 1 : text.Length;
            if (text.Length > MaxLength)
            {
                return ParseFailure.TooLong;
            }

            if (digitCount < 2 || (text[0] == '+' && digitCount < 3))
            {
                return ParseFailure.TooShort;
            }

            text.CopyTo(destination);
            written = text.Length;
            return ParseFailure.None;
        }

        if (text.Length > MaxLength && text.IndexOf(PhoneContext, StringComparison.Ordinal) < 0)
        {
            return ParseFailure.TooLong;
        }

        // The number is written to destination[..text.Length]; an RFC 3966 phone context is assembled after it.
        var found = Extract(text, destination[text.Length..]);
        var subaddress = found.IndexOf(Subaddress, StringComparison.Ordinal);
        if (subaddress > 0)
        {
            found = found[..subaddress];
        }

        if (found.IsEmpty)
        {
            return ParseFailure.NotANumber;
        }

        if (found.Length < 2 || !Viable.IsMatch(found))
        {
            return ViableStart.IsMatch(found) ? ParseFailure.TooShort : ParseFailure.NotANumber;
        }

        foreach (var extension in TrailingExtension.EnumerateMatches(found))
        {
            found = found[..extension.Index];
            break;
        }

        foreach (var c in found)
        {
            if (c == '+')
            {
                if (written == 0)
                {
                    destination[written++] = '+';
                }
            }
            else if (DigitValue(c) is >= 0 and var digit)
            {
                destination[written++] = (char)('0' + digit);
            }
        }

        return written == 0 ? ParseFailure.NotANumber : ParseFailure.None;
    }

    /// <summary>The text holding the number: an RFC 3966 number with its phone context, or the stretch from the first digit or plus.</summary>
    private static ReadOnlySpan<char> Extract(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var contextAt = text.IndexOf(PhoneContext, StringComparison.Ordinal);
        if (contextAt < 0)
        {
            var start = text.IndexOfAny(NumberStart);
            if (start < 0)
            {
                return [];
            }

            var found = text[start..];
            var end = found.Length;
            while (end > 0 && found[end - 1] != '#' && DigitValue(found[end - 1]) < 0)
            {
                end--;
            }

            return found[..end];
        }

        var contextStart = contextAt + PhoneContext.Length;
        var contextEnd = text[contextStart..].IndexOf(';');
        var context = contextEnd < 0 ? text[contextStart..] : text.Slice(contextStart, contextEnd);
        if (context.IsEmpty || !(GlobalNumberDigits.IsMatch(context) || DomainName.IsMatch(context)))
        {
            return [];
        }

        var length = 0;
        if (context[0] == '+')
        {
            length = Append(buffer, length, context);
        }

        var scheme = text.IndexOf(TelScheme, StringComparison.Ordinal);
        var from = scheme >= 0 ? scheme + TelScheme.Length : 0;
        var (low, high) = from <= contextAt ? (from, contextAt) : (contextAt, from);
        length = Append(buffer, length, text[low..high]);
        return buffer[..length];
    }

    private static int Append(Span<char> buffer, int length, ReadOnlySpan<char> part)
    {
        var fits = Math.Min(part.Length, buffer.Length - length);
        part[..fits].CopyTo(buffer[length..]);
        return length + fits;
    }

    private static readonly System.Buffers.SearchValues<char> NumberStart = System.Buffers.SearchValues.Create(
        "+\uFF0B0123456789\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19" +
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9");

    private static bool IsPlainDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        var digits = text[0] == '+' ? text[1..] : text;
        return !digits.IsEmpty && AsciiDigits.All(digits);
    }

    /// <summary>The value of an ASCII, full-width, Arabic-Indic or Eastern Arabic-Indic digit, or -1.</summary>
    public static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '\uFF10' and <= '\uFF19' => c - '\uFF10',
        >= '\u0660' and <= '\u0669' => c - '\u0660',
        >= '\u06F0' and <= '\u06F9' => c - '\u06F0',
        _ => -1,
    };
}
