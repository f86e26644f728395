using System.Text.RegularExpressions;

namespace Switchboard.Numbers.Metadata;

/// <summary>How one group of national numbers is written: the grouping pattern, its national and international layouts.</summary>
internal sealed class FormatRule(
    string pattern,
    string format,
    string? lastLeadingDigits,
    string? nationalPrefixRule,
    string? internationalFormat)
{
    private Regex? _whole;
    private Regex? _leading;

    public string Pattern { get; } = pattern;

    /// <summary>National layout as a .NET replacement, e.g. <c>${1} ${2}</c>.</summary>
    public string Format { get; } = Patterns.DotNetReplacement(format);

    /// <summary>International layout as a .NET replacement (the national one when the metadata gives none).</summary>
    public string InternationalFormat { get; } = Patterns.DotNetReplacement(internationalFormat ?? format);

    /// <summary>This rule's own national-prefix rule (e.g. <c>0$1</c>); null means the plan's applies.</summary>
    public string? NationalPrefixRule { get; } = nationalPrefixRule;

    public bool Applies(ReadOnlySpan<char> nationalNumber)
    {
        if (lastLeadingDigits is not null && !(_leading ??= Patterns.AtStart(lastLeadingDigits)).IsMatch(nationalNumber))
        {
            return false;
        }

        return (_whole ??= Patterns.Whole(Pattern)).IsMatch(nationalNumber);
    }

    public Regex Grouping => _whole ??= Patterns.Whole(Pattern);
}
