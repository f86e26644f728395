namespace Switchboard.Numbers.Metadata;

/// <summary>One number type of one plan: its pattern and the national-number lengths it allows.</summary>
internal sealed class TypeRule(NumberType type, string pattern, int[] lengths)
{
    private DigitMatcher? _matcher;

    public NumberType Type { get; } = type;

    public string Pattern { get; } = pattern;

    /// <summary>The type's own lengths, or the plan's when the type has none.</summary>
    public int[] Lengths { get; } = lengths;

    /// <summary>libphonenumber treats a present type with an empty pattern (US mobile) as "no pattern of its own".</summary>
    public bool HasPattern => Pattern.Length > 0;

    /// <summary>True when the national number has one of the type's lengths and matches its pattern.</summary>
    public bool Matches(ReadOnlySpan<char> nationalNumber) =>
        HasPattern
        && Array.IndexOf(Lengths, nationalNumber.Length) >= 0
        && (_matcher ??= DigitMatcher.Create(Pattern)).IsMatch(nationalNumber);
}
