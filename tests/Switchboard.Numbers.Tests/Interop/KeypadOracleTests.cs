using Switchboard.Testing;

namespace Switchboard.Numbers.Tests.Interop;

/// <summary>
/// Keypad entry against the oracle corpus: for numbers libphonenumber-js finds valid when typed as plain digits,
/// every beginning must still be able to become valid (and never be "complete"), the whole number must be valid,
/// and "complete" must mean that no number one or two digits longer is valid.
/// </summary>
[Trait("Category", Categories.Interop)]
public sealed class KeypadOracleTests
{
    private const int Sample = 3000;

    [Fact]
    public void Typing_a_valid_number_digit_by_digit_never_ends_early_or_gets_stuck()
    {
        var plan = NumberPlan.Default;
        var typed = OracleCorpus.Load()
            .Select(line => line.Split('\t'))
            .Where(c => c[2] == "1" && c[1].Length > 0 && !c[1].AsSpan().ContainsAnyExceptInRange('0', '9'))
            .ToArray();
        var sample = Enumerable.Range(0, Sample).Select(i => typed[(int)((long)i * typed.Length / Sample)]).ToArray();
        var problems = new List<string>();

        foreach (var columns in sample)
        {
            var (region, digits) = (columns[0], columns[1]);
            for (var length = 1; length < digits.Length; length++)
            {
                var state = plan.CheckKeypadEntry(digits.AsSpan(0, length), region).State;
                if (state is KeypadEntryState.CannotBecomeValid or KeypadEntryState.Complete)
                {
                    problems.Add($"{region} '{digits[..length]}' of valid '{digits}' is {state}");
                }
            }

            var whole = plan.CheckKeypadEntry(digits, region);
            if (whole.State is not (KeypadEntryState.ValidCanGrow or KeypadEntryState.Complete) || whole.Number is not { IsValid: true })
            {
                problems.Add($"{region} valid '{digits}' is {whole.State}");
            }

            if (whole.State == KeypadEntryState.Complete && LongerValidNumber(plan, region, digits) is { } longer)
            {
                problems.Add($"{region} '{digits}' is Complete but '{longer}' is valid");
            }
        }

        Assert.True(typed.Length >= Sample, $"Only {typed.Length} digit-only valid inputs in the corpus.");
        Assert.True(problems.Count == 0, OracleCorpus.Report(problems, "problems"));
    }

    private static string? LongerValidNumber(NumberPlan plan, string region, string digits)
    {
        for (var extra = 0; extra < 110; extra++)
        {
            var longer = extra < 10 ? $"{digits}{extra}" : $"{digits}{(extra - 10) / 10}{(extra - 10) % 10}";
            if (plan.ReadNumber(longer, plan.RegionOrDefault(region), null, out _) is { IsValid: true })
            {
                return longer;
            }
        }

        return null;
    }
}
