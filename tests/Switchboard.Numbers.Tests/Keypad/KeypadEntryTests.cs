namespace Switchboard.Numbers.Tests.Keypad;

public sealed class KeypadEntryTests
{
    [Theory]
    [InlineData("", "NL", KeypadEntryState.Incomplete)]
    [InlineData("0", "NL", KeypadEntryState.Incomplete)]
    [InlineData("06", "NL", KeypadEntryState.Incomplete)]
    [InlineData("061234567", "NL", KeypadEntryState.Incomplete)]
    [InlineData("0612345678", "NL", KeypadEntryState.Complete)]
    [InlineData("06123456789", "NL", KeypadEntryState.CannotBecomeValid)]
    [InlineData("0201234567", "NL", KeypadEntryState.Complete)]
    [InlineData("0800", "NL", KeypadEntryState.Incomplete)]
    [InlineData("08001234", "NL", KeypadEntryState.ValidCanGrow)]
    [InlineData("0031612345678", "NL", KeypadEntryState.Complete)]
    [InlineData("003161234567", "NL", KeypadEntryState.Incomplete)]
    [InlineData("00", "NL", KeypadEntryState.Incomplete)]
    [InlineData("0049", "NL", KeypadEntryState.Incomplete)]
    [InlineData("2015550123", "US", KeypadEntryState.Complete)]
    [InlineData("201555012", "US", KeypadEntryState.Incomplete)]
    [InlineData("01", "US", KeypadEntryState.Incomplete)]
    [InlineData("011", "US", KeypadEntryState.Incomplete)]
    [InlineData("01131612345678", "US", KeypadEntryState.Complete)]
    [InlineData("12*4", "NL", KeypadEntryState.CannotBecomeValid)]
    public void Says_where_an_entry_stands(string digits, string region, KeypadEntryState expected)
    {
        Assert.Equal(expected, NumberPlan.Default.CheckKeypadEntry(digits, region).State);
    }

    [Fact]
    public void A_complete_entry_carries_the_number()
    {
        var check = NumberPlan.Default.CheckKeypadEntry("0612345678", "NL");

        Assert.Equal("+31612345678", check.Number!.E164);
        Assert.Equal(NumberType.Mobile, check.Number.Type);
    }

    [Fact]
    public void An_incomplete_entry_carries_no_number()
    {
        Assert.Null(NumberPlan.Default.CheckKeypadEntry("061234567", "NL").Number);
    }

    [Fact]
    public void A_German_number_that_can_still_grow_is_never_complete()
    {
        // German landline numbers have variable length: a valid prefix may still get more digits.
        var check = NumberPlan.Default.CheckKeypadEntry("030123456", "DE");

        Assert.Equal(KeypadEntryState.ValidCanGrow, check.State);
    }
}
