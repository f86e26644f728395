using Switchboard.Numbers.Metadata;
using Switchboard.Numbers.Parsing;

namespace Switchboard.Numbers.Tests.Metadata;

public sealed class NationalPrefixRewriteTests
{
    [Theory]
    [InlineData("([89]\\d{5})$", "0549$1", "890123", "0549890123")]
    [InlineData("([457]\\d{6})$|1", "268$1", "4601234", "2684601234")]
    [InlineData("(?:0|90)(?:(1[245]|2[1-35])(\\d{10,11}))?", "$2", "01521987654321", "21987654321")]
    [InlineData("0?(?:(11|2231)15)?", "9$1", "01115123456", "911123456")]
    [InlineData("0(11\\d{6}|6[256]\\d{6})", "$1", "01112345678", "1112345678")]
    public void Replaces_the_matched_prefix_by_the_transform_with_its_groups(string prefix, string transform, string number, string expected)
    {
        var rewrite = new NationalPrefixRewrite(prefix, transform);
        Span<char> destination = stackalloc char[rewrite.MaxLength(number.Length)];

        var written = rewrite.Apply(number, destination);

        Assert.Equal(expected, destination[..written].ToString());
    }

    [Theory]
    [InlineData("([457]\\d{6})$|1", "268$1", "12684601234")]
    [InlineData("([457]\\d{6})$|1", "268$1", "46012345")]
    [InlineData("0?(?:(11|2231)15)?", "9$1", "01112345678")]
    [InlineData("(?:0|90)(?:(1[245])(\\d{10,11}))?", "$2", "0219876543")]
    public void Does_not_apply_when_the_last_group_captured_nothing(string prefix, string transform, string number)
    {
        var rewrite = new NationalPrefixRewrite(prefix, transform);

        Assert.Equal(-1, rewrite.Apply(number, stackalloc char[rewrite.MaxLength(number.Length)]));
    }

    [Fact]
    public void Every_transform_of_the_metadata_fits_the_room_the_parser_leaves()
    {
        var catalog = PlanCatalog.Load();
        foreach (var plan in catalog.RegionCodes.Select(code => catalog.Region(code)!).Where(plan => plan.NationalPrefixTransform is not null))
        {
            var rewrite = new NationalPrefixRewrite(plan.NationalPrefixForParsingPattern!, plan.NationalPrefixTransform!);
            Assert.True(
                2 * rewrite.MaxLength(20) <= NumberParser.ScratchLength(20),
                $"{plan.Id}: {plan.NationalPrefixTransform} needs more room than the parser's scratch has.");
        }
    }
}
