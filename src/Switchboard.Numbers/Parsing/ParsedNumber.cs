using Switchboard.Numbers.Metadata;

namespace Switchboard.Numbers.Parsing;

/// <summary>A number read from digits: its country code, the region it resolved to and its significant national digits.</summary>
internal readonly ref struct ParsedNumber
{
    /// <summary>The type, when finding the region already established it.</summary>
    private readonly NumberType? _knownType;

    public ParsedNumber(ParseFailure failure) => Failure = failure;

    public ParsedNumber(int countryCode, RegionPlan? region, RegionPlan plan, ReadOnlySpan<char> national, NumberType? knownType)
    {
        CountryCode = countryCode;
        Region = region;
        Plan = plan;
        National = national;
        _knownType = knownType;
    }


    /// <summary><see cref="ParseFailure.None"/> when the digits form a number.</summary>
    public ParseFailure Failure { get; }

    public int CountryCode { get; }

    /// <summary>libphonenumber's "country": the region resolved from the digits or the default region; may be set for an invalid number.</summary>
    public RegionPlan? Region { get; }

    /// <summary>The plan validity and type are judged by: the region's, or the calling code's main plan.</summary>
    public RegionPlan? Plan { get; }

    public ReadOnlySpan<char> National { get; }

    public bool Succeeded => Failure == ParseFailure.None;

    /// <summary>The number's type, or null when it is not valid.</summary>
    public NumberType? Classify()
    {
        if (_knownType is not null)
        {
            return _knownType;
        }

        if (Plan!.HasTypes)
        {
            return Plan.TypeOf(National);
        }

        return Plan.MatchesNationalPattern(National) ? NumberType.Unknown : null;
    }

    /// <summary>Writes <c>+</c>, the country code and the national digits; returns the length written.</summary>
    public int WriteE164(Span<char> destination)
    {
        destination[0] = '+';
        CountryCode.TryFormat(destination[1..], out var codeLength, default, System.Globalization.CultureInfo.InvariantCulture);
        National.CopyTo(destination[(1 + codeLength)..]);
        return 1 + codeLength + National.Length;
    }
}
