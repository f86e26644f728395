using Switchboard.Testing;

namespace Switchboard.Numbers.Tests.Interop;

/// <summary>
/// Switchboard.Numbers against libphonenumber-js (same metadata version) on a corpus of 260,000 inputs built
/// from every region's numbers: parse outcome, validity, region, type and E.164 must agree on every line,
/// and so must the national and international formats.
/// </summary>
[Trait("Category", Categories.Interop)]
public sealed class OracleAgreementTests
{
    private const int MinimumCorpusSize = 200_000;

    [Fact]
    public void Agrees_with_libphonenumber_js_on_every_input_of_the_corpus()
    {
        var lines = OracleCorpus.Load();
        var plan = NumberPlan.Default;
        var disagreements = new List<string>();

        foreach (var line in lines)
        {
            var columns = line.Split('\t');
            var (region, input, expected) = (columns[0], columns[1], columns[2..]);
            var number = plan.ReadNumber(input, plan.RegionOrDefault(region), input, out _);
            var actual = number is null
                ? ["-"]
                : new[]
                {
                    number.IsValid ? "1" : "0", number.E164, number.Region?.Id ?? string.Empty,
                    number.IsValid ? number.Type.ToLibphonenumberName() : string.Empty,
                    plan.Format(number, NumberFormat.National), plan.Format(number, NumberFormat.International),
                };
            if (!actual.SequenceEqual(expected))
            {
                disagreements.Add($"{region} '{input}': libphonenumber-js [{string.Join(", ", expected)}], Switchboard [{string.Join(", ", actual)}]");
            }
        }

        Assert.True(lines.Length >= MinimumCorpusSize, $"The corpus has {lines.Length} inputs, fewer than {MinimumCorpusSize}.");
        Assert.True(disagreements.Count == 0, OracleCorpus.Report(disagreements, $"of {lines.Length} inputs disagree"));
    }
}
