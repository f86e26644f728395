using System.Text;

namespace Switchboard.Sms;

/// <summary>
/// Counts the SMS segments a text needs, the way handsets and carriers split it: GSM-7 when every character
/// is in the GSM 03.38 alphabet (extension characters take two septets), UCS-2 otherwise; a single SMS
/// holds 160 septets or 70 UTF-16 units, a part of a long SMS 153 or 67 (the rest is the concatenation
/// header). An escape pair or a surrogate pair is never split across parts.
/// </summary>
public static class SmsSegments
{
    /// <summary>The longest text Switchboard accepts for one message (Twilio's limit), in characters.</summary>
    public const int MaxCharacters = 1600;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>Counts <paramref name="text"/>.</summary>
    public static SmsSegmentCount Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var characters = 0;
        string? firstNonGsm = null;
        foreach (var rune in text.EnumerateRunes())
        {
            characters++;
            if (firstNonGsm is null && SeptetsOf(rune) == 0)
            {
                firstNonGsm = rune.ToString();
            }
        }

        return firstNonGsm is null
            ? Split(SmsEncoding.Gsm7, text.EnumerateRunes().Select(SeptetsOf), 160, 153, characters, null)
            : Split(SmsEncoding.Ucs2, text.EnumerateRunes().Select(r => r.Utf16SequenceLength), 70, 67, characters, firstNonGsm);
    }

    // 1 for the basic alphabet, 2 for the extension table (escape + character), 0 when not GSM-7 at all.
    private static int SeptetsOf(Rune rune) =>
        !rune.IsBmp ? 0 : Basic.Contains((char)rune.Value, StringComparison.Ordinal) ? 1 : Extension.Contains((char)rune.Value, StringComparison.Ordinal) ? 2 : 0;

    private static SmsSegmentCount Split(SmsEncoding encoding, IEnumerable<int> unitSizes, int single, int part, int characters, string? firstNonGsm)
    {
        var sizes = unitSizes.ToList();
        var total = sizes.Sum();
        if (total <= single)
        {
            return new SmsSegmentCount(encoding, total == 0 ? 0 : 1, total, characters, firstNonGsm);
        }

        var segments = 1;
        var used = 0;
        foreach (var size in sizes)
        {
            if (used + size > part)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SmsSegmentCount(encoding, segments, total, characters, firstNonGsm);
    }
}
