using Switchboard.Numbers.Metadata;

namespace Switchboard.Numbers.Parsing;

/// <summary>
/// Reads normalised digits (an optional <c>+</c> and ASCII digits) as a number, with libphonenumber's rules:
/// country code after <c>+</c> or after the default region's international prefix, a country code typed without
/// <c>+</c>, the national (trunk) prefix, and the region among those that share a country code.
/// </summary>
internal sealed class NumberParser(PlanCatalog catalog)
{
    /// <summary>Shortest and longest significant national number libphonenumber accepts.</summary>
    private const int MinNationalLength = 2;
    private const int MaxNationalLength = 17;
    private const int MaxCountryCodeLength = 3;

    public ParsedNumber Parse(ReadOnlySpan<char> digits, RegionPlan? defaultRegion)
    {
        int countryCode;
        RegionPlan? region = null;
        RegionPlan plan;
        ReadOnlySpan<char> rest;

        var callingCode = ExtractCountryCode(digits, defaultRegion, out rest);
        if (callingCode > 0)
        {
            countryCode = callingCode;
            plan = catalog.MainPlan(callingCode)!;
        }
        else if (callingCode == 0 && !rest.IsEmpty && defaultRegion is not null)
        {
            region = defaultRegion;
            plan = defaultRegion;
            countryCode = defaultRegion.CallingCode;
        }
        else
        {
            return new ParsedNumber(ParseFailure.InvalidCountry);
        }

        if (rest.IsEmpty)
        {
            return new ParsedNumber(ParseFailure.TooShort);
        }

        var national = ExtractNationalNumber(rest, plan);
        NumberType? type = null;
        if (RegionOf(countryCode, national, out var typeInRegion) is { } exact)
        {
            region = exact;
            plan = exact;
            type = typeInRegion;
        }

        if (national.Length < MinNationalLength)
        {
            return new ParsedNumber(ParseFailure.TooShort);
        }

        if (national.Length > MaxNationalLength)
        {
            return new ParsedNumber(ParseFailure.TooLong);
        }

        return new ParsedNumber(countryCode, region, region ?? plan, national, type);
    }

    /// <summary>
    /// The region of a national number among the regions sharing the calling code (libphonenumber's
    /// getCountryByCallingCode). When the region was recognised by the number's type, <paramref name="type"/> is it.
    /// </summary>
    public RegionPlan? RegionOf(int callingCode, ReadOnlySpan<char> national, out NumberType? type)
    {
        type = null;
        var candidates = catalog.RegionsOf(callingCode);
        if (candidates.Length <= 1)
        {
            return candidates.Length == 1 ? candidates[0] : null;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.HasLeadingDigits)
            {
                if (!national.IsEmpty && candidate.MatchesLeadingDigits(national))
                {
                    return candidate;
                }
            }
            else if (candidate.TypeOf(national) is { } typeInCandidate)
            {
                type = typeInCandidate;
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The country calling code at the start of the digits: after <c>+</c>, after the default region's international
    /// prefix, or typed without either. Returns the code (then <paramref name="rest"/> is what follows it), 0 when
    /// there is none (then <paramref name="rest"/> is all the digits), or -1 when the digits cannot have one.
    /// </summary>
    private int ExtractCountryCode(ReadOnlySpan<char> digits, RegionPlan? defaultRegion, out ReadOnlySpan<char> rest)
    {
        rest = digits;
        if (digits.IsEmpty)
        {
            return -1;
        }

        ReadOnlySpan<char> international;
        if (digits[0] == '+')
        {
            international = digits[1..];
        }
        else
        {
            var prefixLength = defaultRegion?.InternationalPrefixLength(digits) ?? -1;
            if (prefixLength > 0 && prefixLength < digits.Length && digits[prefixLength] != '0')
            {
                international = digits[prefixLength..];
            }
            else
            {
                return defaultRegion is null ? 0 : CountryCodeWithoutPlus(digits, defaultRegion, out rest);
            }
        }

        if (international.IsEmpty || international[0] == '0')
        {
            return -1;
        }

        var code = 0;
        for (var length = 1; length <= MaxCountryCodeLength && length <= international.Length; length++)
        {
            code = (code * 10) + (international[length - 1] - '0');
            if (catalog.MainPlan(code) is not null)
            {
                rest = international[length..];
                return code;
            }
        }

        return -1;
    }

    /// <summary>The default region's own country code typed without <c>+</c> (<c>31612345678</c> in NL), when reading it so makes the number fit.</summary>
    private int CountryCodeWithoutPlus(ReadOnlySpan<char> digits, RegionPlan defaultRegion, out ReadOnlySpan<char> rest)
    {
        rest = digits;
        var code = defaultRegion.CallingCodeText;
        if (!digits.StartsWith(code, StringComparison.Ordinal))
        {
            return 0;
        }

        var shorter = digits[code.Length..];
        var shorterNational = ExtractNationalNumber(shorter, defaultRegion);
        var fullNational = ExtractNationalNumber(digits, defaultRegion);
        if ((!defaultRegion.MatchesNationalPattern(fullNational) && defaultRegion.MatchesNationalPattern(shorterNational))
            || defaultRegion.CheckLength(fullNational.Length) == LengthCheck.TooLong)
        {
            rest = shorter;
            return defaultRegion.CallingCode;
        }

        return 0;
    }

    /// <summary>Strips the national (trunk) prefix, or applies the plan's prefix transformation, when the result still fits the plan.</summary>
    private ReadOnlySpan<char> ExtractNationalNumber(ReadOnlySpan<char> number, RegionPlan plan)
    {
        var national = StripNationalPrefix(number, plan);
        if (national.SequenceEqual(number))
        {
            return number;
        }

        if (plan.MatchesNationalPattern(number) && !plan.MatchesNationalPattern(national))
        {
            return number;
        }

        if (plan.Lengths.Length > 0)
        {
            var lengthPlan = RegionOf(plan.CallingCode, national, out _) ?? plan;
            if (lengthPlan.CheckLength(national.Length) is LengthCheck.TooShort or LengthCheck.InvalidLength)
            {
                return number;
            }
        }

        return national;
    }

    private static ReadOnlySpan<char> StripNationalPrefix(ReadOnlySpan<char> number, RegionPlan plan)
    {
        var length = number.IsEmpty ? -1 : plan.NationalPrefixLength(number);
        if (length < 0)
        {
            return number;
        }

        if (plan.NationalPrefixTransform is { } transform && length > 0)
        {
            // Only a prefix that captured digits is transformed; that needs the groups, so a string.
            var pattern = plan.NationalPrefixForParsing;
            var text = number.ToString();
            var match = pattern.Match(text);
            var groups = match.Groups.Count - 1;
            if (groups > 0 && match.Groups[groups].Length > 0)
            {
                return pattern.Replace(text, transform, 1);
            }
        }

        return number[length..];
    }
}
