using System.Text.RegularExpressions;

namespace Switchboard.Numbers.Metadata;

/// <summary>Compiles the metadata's regular expressions the two ways libphonenumber applies them.</summary>
internal static class Patterns
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    /// <summary>A pattern that must match the whole text (libphonenumber's "matches entirely").</summary>
    public static Regex Whole(string pattern) => new($@"\A(?:{pattern})\z", Options);

    /// <summary>A pattern that must match at the start of the text (a prefix or leading digits).</summary>
    public static Regex AtStart(string pattern) => new($@"\A(?:{pattern})", Options);

    /// <summary>Length of the match at the start of <paramref name="text"/>, or -1 when there is none; allocation-free.</summary>
    public static int MatchLengthAtStart(this Regex atStart, ReadOnlySpan<char> text)
    {
        foreach (var match in atStart.EnumerateMatches(text))
        {
            return match.Index == 0 ? match.Length : -1;
        }

        return -1;
    }

    /// <summary>Turns a JavaScript replacement (<c>$1 $2</c>) into the unambiguous .NET form (<c>${1} ${2}</c>).</summary>
    public static string DotNetReplacement(string javaScriptReplacement) =>
        Regex.Replace(javaScriptReplacement, @"\$(\d)", "$${$1}", RegexOptions.CultureInvariant);
}
