namespace Switchboard.Numbers.Tests.Formatting;

public sealed class NumberFormatterTests
{
    [Theory]
    [InlineData("+31612345678", "NL", "+31612345678", "+31 6 12345678", "06 12345678")]
    [InlineData("+31201234567", "NL", "+31201234567", "+31 20 123 4567", "020 123 4567")]
    [InlineData("+12015550123", "US", "+12015550123", "+1 201 555 0123", "(201) 555-0123")]
    [InlineData("+491701234567", "NL", "+491701234567", "+49 170 1234567", "0170 1234567")]
    [InlineData("+442079460000", "NL", "+442079460000", "+44 20 7946 0000", "020 7946 0000")]
    [InlineData("+80012345678", "NL", "+80012345678", "+800 1234 5678", "1234 5678")]
    public void Writes_each_format(string input, string region, string e164, string international, string national)
    {
        var plan = NumberPlan.Default;
        var number = plan.Read(input, region).Number!;

        Assert.Equal(e164, plan.Format(number, NumberFormat.E164));
        Assert.Equal(international, plan.Format(number, NumberFormat.International));
        Assert.Equal(national, plan.Format(number, NumberFormat.National));
    }
}
