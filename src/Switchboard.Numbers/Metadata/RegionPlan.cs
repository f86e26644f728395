using System.Text.RegularExpressions;

namespace Switchboard.Numbers.Metadata;

/// <summary>
/// The numbering plan of one region (or of one non-geographic country calling code such as +800):
/// its prefixes, patterns, number types and formats. Regular expressions compile on first use.
/// </summary>
internal sealed class RegionPlan
{
    /// <summary>The order in which libphonenumber tries the types other than fixed line.</summary>
    private static readonly NumberType[] NonFixedLineOrder =
    [
        NumberType.Mobile, NumberType.PremiumRate, NumberType.TollFree, NumberType.SharedCost, NumberType.Voip,
        NumberType.PersonalNumber, NumberType.Pager, NumberType.Uan, NumberType.Voicemail,
    ];

    private readonly string _nationalPattern;
    private readonly string? _nationalPrefixForParsing;
    private readonly string? _leadingDigits;
    private readonly TypeRule?[] _types;
    private DigitMatcher? _nationalMatcher;
    private Regex? _internationalPrefixAtStart;
    private Regex? _nationalPrefixAtStart;
    private DigitMatcher? _leadingDigitsMatcher;

    public RegionPlan(
        string? id, int callingCode, string? internationalPrefix, string nationalPattern, int[] lengths,
        string? nationalPrefix, string? nationalPrefixForParsing, string? nationalPrefixTransform,
        string? leadingDigits, TypeRule?[] types, IReadOnlyList<FormatRule>? formats,
        string? nationalPrefixRule)
    {
        Id = id;
        CallingCode = callingCode;
        CallingCodeText = callingCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        InternationalPrefix = internationalPrefix;
        _nationalPattern = nationalPattern;
        Lengths = lengths;
        NationalPrefix = nationalPrefix;
        _nationalPrefixForParsing = nationalPrefixForParsing ?? nationalPrefix;
        NationalPrefixTransform = nationalPrefixTransform is null ? null : Patterns.DotNetReplacement(nationalPrefixTransform);
        _leadingDigits = leadingDigits;
        _types = types;
        HasTypes = types.Any(t => t is not null);
        Formats = formats;
        NationalPrefixRule = nationalPrefixRule;
    }

    /// <summary>ISO 3166 region code, or null for a non-geographic plan.</summary>
    public string? Id { get; }

    public int CallingCode { get; }

    public string CallingCodeText { get; }

    /// <summary>Possible lengths of a national number, ascending.</summary>
    public int[] Lengths { get; }

    public string? NationalPrefix { get; }

    /// <summary>The pattern of the prefix dialled before a country code (<c>00</c>, <c>011</c>), or null.</summary>
    public string? InternationalPrefix { get; }

    /// <summary>The pattern of the national prefix as parsing recognises it (may capture digits to transform), or null.</summary>
    public string? NationalPrefixForParsingPattern => _nationalPrefixForParsing;

    /// <summary>The replacement applied to a national prefix that captured digits (e.g. <c>268${1}</c>), or null.</summary>
    public string? NationalPrefixTransform { get; }

    public bool HasTypes { get; }

    /// <summary>This plan's own formats, or null when it borrows those of its calling code's main region.</summary>
    public IReadOnlyList<FormatRule>? Formats { get; }

    /// <summary>The plan-wide national-prefix rule for national formatting (e.g. <c>0$1</c>), or null.</summary>
    public string? NationalPrefixRule { get; }

    public bool HasLeadingDigits => _leadingDigits is not null;

    public TypeRule? Type(NumberType type) => _types[(int)type];

    public IEnumerable<TypeRule> Types => _types.OfType<TypeRule>();

    public bool MatchesNationalPattern(ReadOnlySpan<char> nationalNumber) =>
        (_nationalMatcher ??= DigitMatcher.Create(_nationalPattern)).IsMatch(nationalNumber);

    /// <summary>Length of the international (IDD) prefix at the start of the digits, or -1.</summary>
    public int InternationalPrefixLength(ReadOnlySpan<char> digits) =>
        InternationalPrefix is null ? -1
        : IsLiteral(InternationalPrefix) ? LiteralLength(digits, InternationalPrefix)
        : (_internationalPrefixAtStart ??= Patterns.AtStart(InternationalPrefix)).MatchLengthAtStart(digits);

    /// <summary>Length of the national prefix for parsing at the start of the digits, or -1 (also when the plan has none).</summary>
    public int NationalPrefixLength(ReadOnlySpan<char> digits) =>
        _nationalPrefixForParsing is null ? -1
        : IsLiteral(_nationalPrefixForParsing) ? LiteralLength(digits, _nationalPrefixForParsing)
        : NationalPrefixForParsing.MatchLengthAtStart(digits);

    /// <summary>The compiled national-prefix-for-parsing pattern, anchored at the start.</summary>
    public Regex NationalPrefixForParsing =>
        _nationalPrefixAtStart ??= Patterns.AtStart(_nationalPrefixForParsing
            ?? throw new InvalidOperationException($"Plan {Id ?? CallingCodeText} has no national prefix."));

    /// <summary>Whether the national number starts with this region's leading digits (for regions sharing a calling code).</summary>
    public bool MatchesLeadingDigits(ReadOnlySpan<char> nationalNumber) =>
        _leadingDigits is not null
        && (_leadingDigitsMatcher ??= DigitMatcher.Create(_leadingDigits)).MatchesAtStart(nationalNumber);

    /// <summary>The number's type in this plan, or null when it matches no type (libphonenumber's getNumberType).</summary>
    public NumberType? TypeOf(ReadOnlySpan<char> nationalNumber)
    {
        if (!MatchesNationalPattern(nationalNumber))
        {
            return null;
        }

        if (Type(NumberType.FixedLine) is { } fixedLine && fixedLine.Matches(nationalNumber))
        {
            var mobile = Type(NumberType.Mobile);
            return mobile is null || !mobile.HasPattern || mobile.Matches(nationalNumber)
                ? NumberType.FixedLineOrMobile
                : NumberType.FixedLine;
        }

        foreach (var type in NonFixedLineOrder)
        {
            if (Type(type) is { } rule && rule.Matches(nationalNumber))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>libphonenumber's validity: some type matches, or (for a plan without types) the national pattern does.</summary>
    public bool IsValid(ReadOnlySpan<char> nationalNumber) =>
        HasTypes ? TypeOf(nationalNumber) is not null : MatchesNationalPattern(nationalNumber);

    /// <summary>A pattern of digits only matches exactly itself: no regular expression needed.</summary>
    private static bool IsLiteral(string pattern) => Parsing.AsciiDigits.All(pattern);

    private static int LiteralLength(ReadOnlySpan<char> digits, string literal) =>
        digits.StartsWith(literal, StringComparison.Ordinal) ? literal.Length : -1;

    /// <summary>How a national number's length compares with the plan's possible lengths.</summary>
    public LengthCheck CheckLength(int length)
    {
        var lengths = Lengths;
        if (lengths.Length == 0 || lengths[0] == length)
        {
            return LengthCheck.Possible;
        }

        if (lengths[0] > length)
        {
            return LengthCheck.TooShort;
        }

        if (lengths[^1] < length)
        {
            return LengthCheck.TooLong;
        }

        return Array.IndexOf(lengths, length, 1) >= 0 ? LengthCheck.Possible : LengthCheck.InvalidLength;
    }
}

/// <summary>The outcome of comparing a national number's length with a plan's possible lengths.</summary>
internal enum LengthCheck { Possible, TooShort, TooLong, InvalidLength }
