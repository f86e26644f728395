using System.Text.RegularExpressions;
using Switchboard.Numbers.Metadata;

namespace Switchboard.Numbers.Tests.Metadata;

public sealed class CapturingMatcherTests
{
    [Theory]
    [InlineData("(\\d)(\\d)?", "7", "0,1|0,1|-1,-1")]
    [InlineData("(1|12)3", "123", "0,3|0,2")]
    [InlineData("(12|1)(2\\d)?", "123", "0,2|0,2|-1,-1")]
    [InlineData("(12|1)(2\\d)", "123", "0,3|0,1|1,3")]
    [InlineData("0(1\\d{2,3})?", "012345", "0,5|1,5")]
    [InlineData("(\\d{2})$|1", "13", "0,2|0,2")]
    [InlineData("(\\d{2})$|1", "134", "0,1|-1,-1")]
    [InlineData("(?:0|90)(?:(1[245])(\\d{3}))?", "0157", "0,1|-1,-1|-1,-1")]
    [InlineData("(?:0|90)(?:(1[245])(\\d{3}))?", "9015789", "0,7|2,4|4,7")]
    public void Reports_the_match_and_its_groups_as_a_backtracking_engine_does(string pattern, string digits, string expected)
    {
        var matcher = CapturingMatcher.Create(pattern);
        Span<int> slots = stackalloc int[matcher.SlotCount];

        Assert.True(matcher.MatchAtStart(digits, slots));
        Assert.Equal(expected, Describe(slots));
    }

    [Theory]
    [InlineData("(\\d{2})$", "123")]
    [InlineData("0(1)", "02")]
    [InlineData("[2-9]", "1")]
    public void Fails_where_the_pattern_does_not_match_at_the_start(string pattern, string digits)
    {
        var matcher = CapturingMatcher.Create(pattern);

        Assert.False(matcher.MatchAtStart(digits, stackalloc int[matcher.SlotCount]));
    }

    [Fact]
    public void Agrees_with_dotnet_regex_on_every_national_prefix_transform_of_the_metadata()
    {
        var catalog = PlanCatalog.Load();
        var plans = catalog.RegionCodes.Select(code => catalog.Region(code)!)
            .Where(plan => plan.NationalPrefixTransform is not null)
            .ToList();
        Assert.NotEmpty(plans);

        var random = new Random(2);
        foreach (var plan in plans)
        {
            var pattern = plan.NationalPrefixForParsingPattern!;
            var matcher = CapturingMatcher.Create(pattern);
            var regex = new Regex($@"\A(?:{pattern})", RegexOptions.CultureInvariant);
            var slots = new int[matcher.SlotCount];
            foreach (var digits in Inputs(plan, random))
            {
                var match = regex.Match(digits);
                Assert.Equal(match.Success, matcher.MatchAtStart(digits, slots));
                if (match.Success)
                {
                    Assert.True(Describe(match) == Describe(slots), $"{pattern} on {digits}: {Describe(match)} vs {Describe(slots)}");
                }
            }
        }
    }

    /// <summary>Every length of random digits, and the plan's own national prefix and trunk forms in front of them.</summary>
    private static IEnumerable<string> Inputs(RegionPlan plan, Random random)
    {
        string[] starts = ["", "0", "1", "9", "90", "015", "9021", "0003768", "11", "2231", "0006", plan.NationalPrefix ?? ""];
        foreach (var start in starts)
        {
            for (var length = 0; length <= 16; length++)
            {
                for (var sample = 0; sample < 8; sample++)
                {
                    yield return start + string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
                }
            }
        }
    }

    private static string Describe(ReadOnlySpan<int> slots)
    {
        var groups = new List<string>();
        for (var i = 0; i < slots.Length; i += 2)
        {
            groups.Add($"{slots[i]},{slots[i + 1]}");
        }

        return string.Join('|', groups);
    }

    private static string Describe(Match match) =>
        string.Join('|', match.Groups.Cast<Group>().Select(group =>
            group.Success ? $"{group.Index},{group.Index + group.Length}" : "-1,-1"));
}
