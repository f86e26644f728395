namespace Switchboard.Numbers.Parsing;

/// <summary>
/// Tests for plain ASCII digit strings. A loop rather than <c>ContainsAnyExceptInRange</c>, which allocates on
/// every call in this runtime and would break the allocation-free classification of E.164 strings.
/// </summary>
internal static class AsciiDigits
{
    /// <summary>True when every character is <c>0</c>–<c>9</c> (also for an empty span).</summary>
    public static bool All(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
