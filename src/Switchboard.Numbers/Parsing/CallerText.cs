namespace Switchboard.Numbers.Parsing;

/// <summary>
/// What networks put where a number should be: withheld markers, SIP URIs with a display name and parameters,
/// and short internal extensions. Reduces such input to the part that may be a number.
/// </summary>
internal static class CallerText
{
    /// <summary>Values PBXs and carriers send for a caller who withheld their number (compared case-insensitively).</summary>
    public static readonly string[] WithheldValues = ["anonymous", "restricted", "unavailable", "private", "withheld", "unknown"];

    /// <summary>True for empty input and for the withheld markers, bare or as a URI's user part.</summary>
    public static bool IsWithheld(ReadOnlySpan<char> candidate)
    {
        if (candidate.IsEmpty)
        {
            return true;
        }

        if (!char.IsAsciiLetter(candidate[0]))
        {
            return false;
        }

        foreach (var value in WithheldValues)
        {
            if (candidate.Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The part of the input that may hold the number: the user part of a <c>sip:</c>/<c>sips:</c> URI (also inside
    /// <c>"Name" &lt;…&gt;</c>), the whole of a <c>tel:</c> URI (libphonenumber reads its parameters), else the trimmed input.
    /// </summary>
    public static ReadOnlySpan<char> Candidate(ReadOnlySpan<char> input)
    {
        var text = input.Trim();
        var open = text.IndexOf('<');
        if (open >= 0 && text[open..].IndexOf('>') is > 0 and var close)
        {
            text = text.Slice(open + 1, close - 1).Trim();
        }

        var schemeLength = text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? 4
            : text.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) ? 5
            : 0;
        if (schemeLength == 0)
        {
            return text;
        }

        var user = text[schemeLength..];
        var at = user.IndexOf('@');
        if (at >= 0)
        {
            user = user[..at];
        }
        else
        {
            // No user part: "sip:+31612345678;user=phone" names the number as the host.
            var parameters = user.IndexOfAny(';', '?');
            if (parameters >= 0)
            {
                user = user[..parameters];
            }
        }

        // User-part parameters other than a number's own (;ext=, ;isub=, ;phone-context=) are not the number.
        var semicolon = user.IndexOf(';');
        if (semicolon >= 0 && !IsNumberParameter(user[semicolon..]))
        {
            user = user[..semicolon];
        }

        user = user.Trim();

        // Some PBXs percent-encode the plus of an E.164 user part (RFC 3261 allows it): sip:%2B31612345678@host.
        return user.StartsWith("%2B", StringComparison.OrdinalIgnoreCase) ? string.Concat("+", user[3..]) : user;
    }

    /// <summary>Up to <paramref name="maxDigits"/> ASCII digits and nothing else: an internal extension.</summary>
    public static bool IsExtension(ReadOnlySpan<char> candidate, int maxDigits) =>
        !candidate.IsEmpty && candidate.Length <= maxDigits && AsciiDigits.All(candidate);

    private static bool IsNumberParameter(ReadOnlySpan<char> parameters) =>
        parameters.StartsWith(";ext=", StringComparison.OrdinalIgnoreCase)
        || parameters.StartsWith(";isub=", StringComparison.OrdinalIgnoreCase)
        || parameters.StartsWith(";phone-context=", StringComparison.OrdinalIgnoreCase);
}
