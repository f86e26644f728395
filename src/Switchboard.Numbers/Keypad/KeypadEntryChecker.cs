using System.Collections.Concurrent;
using Switchboard.Numbers.Metadata;
using Switchboard.Numbers.Parsing;

namespace Switchboard.Numbers.Keypad;

/// <summary>
/// Decides whether digits typed so far are a number, may still become one, or may still grow into a longer one.
/// "Valid now" uses the parser itself; "may grow" tries each way the digits can be read — national with or
/// without the trunk prefix, or international after the region's prefix — against every number type's pattern
/// and lengths, so entry is never declared complete while a longer number could also be valid.
/// </summary>
internal sealed class KeypadEntryChecker(PlanCatalog catalog, NumberParser parser)
{
    /// <summary>Longest national number libphonenumber accepts.</summary>
    private const int MaxNationalLength = 17;
    private const int MaxCountryCodeLength = 3;

    private readonly ConcurrentDictionary<string, DigitAutomaton?> _automata = new(StringComparer.Ordinal);

    public KeypadEntryState Check(ReadOnlySpan<char> digits, RegionPlan region)
    {
        if (!AsciiDigits.All(digits))
        {
            return KeypadEntryState.CannotBecomeValid;
        }

        var valid = digits.Length >= 2 && parser.Parse(digits, region) is { Succeeded: true } parsed && parsed.Classify() is not null;
        var canGrow = CanGrow(digits, region);
        return (valid, canGrow) switch
        {
            (true, true) => KeypadEntryState.ValidCanGrow,
            (true, false) => KeypadEntryState.Complete,
            (false, true) => KeypadEntryState.Incomplete,
            (false, false) => KeypadEntryState.CannotBecomeValid,
        };
    }

    private bool CanGrow(ReadOnlySpan<char> digits, RegionPlan region)
    {
        var regions = catalog.RegionsOf(region.CallingCode);
        if (NationalCanGrow(digits, regions, region))
        {
            return true;
        }

        // Local dialling that the plan rewrites into a national number (a 7-digit number in a NANP territory).
        if (region.NationalPrefixTransform is not null
            && (Automaton(region.NationalPrefixForParsingPattern!.Replace("$", string.Empty, StringComparison.Ordinal)) is not { } local
                || local.IsProperPrefix(digits, digits.Length + MaxNationalLength)))
        {
            return true;
        }

        // The region's own country code typed without an international prefix (31 6 12345678 in NL).
        var ownCode = region.CallingCodeText;
        if (digits.Length <= ownCode.Length
            ? ownCode.AsSpan().StartsWith(digits)
            : digits.StartsWith(ownCode, StringComparison.Ordinal) && NationalCanGrow(digits[ownCode.Length..], regions, region))
        {
            return true;
        }

        if (region.InternationalPrefixLength(digits) is > 0 and var prefixLength)
        {
            return InternationalCanGrow(digits[prefixLength..]);
        }

        return region.InternationalPrefix is { } prefix && Automaton(prefix) is { } idd
            ? idd.IsProperPrefix(digits, digits.Length + 4)
            : false;
    }

    /// <summary>After an international prefix: a country code (maybe still partial), then a national number.</summary>
    private bool InternationalCanGrow(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        var code = 0;
        for (var length = 1; length <= MaxCountryCodeLength; length++)
        {
            if (length > rest.Length)
            {
                return SomeCountryCodeStartsWith(code, rest.Length);
            }

            code = (code * 10) + (rest[length - 1] - '0');
            if (catalog.MainPlan(code) is { } main)
            {
                var regions = catalog.RegionsOf(code);
                return NationalCanGrow(rest[length..], regions.Length > 0 ? regions : [main], main);
            }
        }

        return false;
    }

    private bool SomeCountryCodeStartsWith(int typed, int typedLength)
    {
        for (var length = typedLength + 1; length <= MaxCountryCodeLength; length++)
        {
            var scale = (int)Math.Pow(10, length - typedLength);
            for (var code = typed * scale; code < (typed + 1) * scale; code++)
            {
                if (catalog.MainPlan(code) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool NationalCanGrow(ReadOnlySpan<char> national, RegionPlan[] regions, RegionPlan dialledIn)
    {
        if (TypesCanGrow(national, regions))
        {
            return true;
        }

        return dialledIn.NationalPrefix is { } trunk
            && national.StartsWith(trunk, StringComparison.Ordinal)
            && TypesCanGrow(national[trunk.Length..], regions);
    }

    private bool TypesCanGrow(ReadOnlySpan<char> national, RegionPlan[] regions)
    {
        foreach (var plan in regions)
        {
            foreach (var type in plan.Types)
            {
                if (!type.HasPattern)
                {
                    continue;
                }

                // A pattern outside the supported syntax cannot be ruled out: assume it may grow.
                if (Automaton(type.Pattern) is not { } automaton || automaton.CanContinue(national, type.Lengths, MaxNationalLength))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private DigitAutomaton? Automaton(string pattern) => _automata.GetOrAdd(pattern, DigitAutomaton.TryCreate);
}
