using Switchboard.Calls;
using Switchboard.Calls.Input;

namespace Switchboard.Core.Tests.Calls.Input;

public class DigitEntryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly DigitsRequest Request = new()
    {
        MaxDigits = 6, MinDigits = 3, FinishKeys = "#", ClearKey = '*',
        InterDigitTimeout = TimeSpan.FromSeconds(5), FirstDigitTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(30),
    };

    // keys: "<key>@<seconds>" separated by spaces; expire: seconds at which the timer fires (or -1)
    [Theory]
    [InlineData("1@1 2@2 3@3 #@4", -1, "123", DigitsEnd.FinishKey, false)]
    [InlineData("#@1", -1, "", DigitsEnd.NoInput, false)]
    [InlineData("1@1 2@2 #@3", -1, "12", DigitsEnd.FinishKey, true)]
    [InlineData("1@1 2@2 3@3 4@4 5@5 6@6", -1, "123456", DigitsEnd.MaxDigits, false)]
    [InlineData("1@1 A@2 B@3 2@4 #@5", -1, "12", DigitsEnd.FinishKey, true)]
    [InlineData("", 10, "", DigitsEnd.NoInput, false)]
    [InlineData("1@1 2@2 3@3", 8, "123", DigitsEnd.InterDigitTimeout, false)]
    public void Keys_and_timeouts_end_the_entry_as_the_rules_say(string keys, int expireAt, string digits, DigitsEnd end, bool tooShort)
    {
        var entry = new DigitEntry(Request, T0);
        foreach (var (key, at) in Parse(keys))
        {
            if (!entry.IsOver)
            {
                entry.Press(key, T0.AddSeconds(at));
            }
        }

        if (expireAt >= 0)
        {
            entry.Expire(T0.AddSeconds(expireAt));
        }

        Assert.NotNull(entry.Result);
        Assert.Equal(digits, entry.Result.Digits);

        Assert.Equal(end, entry.Result.End);
        Assert.Equal(tooShort, entry.Result.TooShort);
    }

    [Fact]
    public void The_total_timeout_counts_from_the_start_and_keys_do_not_extend_it()
    {
        var entry = new DigitEntry(Request with { MaxDigits = 20 }, T0);
        for (var s = 4; s <= 28; s += 4)
        {
            entry.Press('1', T0.AddSeconds(s));
        }

        Assert.Equal(T0.AddSeconds(30), entry.Deadline);
        entry.Expire(T0.AddSeconds(29.9));
        Assert.Null(entry.Result);
        entry.Expire(T0.AddSeconds(30));
        Assert.Equal(DigitsEnd.TotalTimeout, entry.Result!.End);
        Assert.Equal("1111111", entry.Result.Digits);
    }

    [Fact]
    public void The_first_digit_timeout_applies_until_a_digit_and_the_inter_digit_timeout_after()
    {
        var entry = new DigitEntry(Request, T0);
        Assert.Equal(T0.AddSeconds(10), entry.Deadline);
        entry.Press('A', T0.AddSeconds(2));
        Assert.Equal(T0.AddSeconds(10), entry.Deadline);
        entry.Press('5', T0.AddSeconds(3));
        Assert.Equal(T0.AddSeconds(8), entry.Deadline);
    }

    [Fact]
    public void Without_a_first_digit_timeout_the_inter_digit_timeout_waits_for_the_first_key()
    {
        var entry = new DigitEntry(new DigitsRequest { InterDigitTimeout = TimeSpan.FromSeconds(4) }, T0);
        Assert.Equal(T0.AddSeconds(4), entry.Deadline);
    }

    [Fact]
    public void Expire_before_the_deadline_does_nothing()
    {
        var entry = new DigitEntry(Request, T0);
        entry.Expire(T0.AddSeconds(9.999));
        Assert.Null(entry.Result);
    }

    [Fact]
    public void The_clear_key_ends_the_entry_as_cleared()
    {
        var entry = new DigitEntry(Request, T0);
        entry.Press('1', T0);
        Assert.Equal(KeyUse.Clear, entry.Press('*', T0));
        Assert.True(entry.Cleared);
        Assert.Null(entry.Result);
        Assert.Null(entry.Deadline);
        Assert.Throws<InvalidOperationException>(() => entry.Press('2', T0));
    }

    [Fact]
    public void The_completeness_check_ends_the_entry_as_soon_as_it_says_so()
    {
        var seen = new List<string>();
        var entry = new DigitEntry(Request with { MaxDigits = 20, IsComplete = d => { seen.Add(d); return d.Length == 4; } }, T0);
        foreach (var key in "1234")
        {
            entry.Press(key, T0);
        }

        Assert.Equal(DigitsEnd.Complete, entry.Result!.End);
        Assert.Equal(["1", "12", "123", "1234"], seen);
    }

    [Fact]
    public void Star_is_ignored_when_it_is_not_the_clear_key()
    {
        var entry = new DigitEntry(new DigitsRequest(), T0);
        Assert.Equal(KeyUse.Ignored, entry.Press('*', T0));
        Assert.Equal(KeyUse.Digit, entry.Press('1', T0));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 4)]
    public void Contradictory_lengths_are_rejected(int min, int max) =>
        Assert.Throws<ArgumentException>(() => new DigitsRequest { MinDigits = min, MaxDigits = max }.Validate());

    [Fact]
    public void A_clear_key_that_is_also_a_finish_key_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new DigitsRequest { ClearKey = '#' }.Validate());

    [Fact]
    public void A_key_that_is_not_on_a_keypad_is_rejected() =>
        Assert.Throws<ArgumentException>(() => new DigitsRequest { FinishKeys = "x" }.Validate());

    private static IEnumerable<(char Key, double At)> Parse(string keys) =>
        keys.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(k => (k[0], double.Parse(k[2..], System.Globalization.CultureInfo.InvariantCulture)));
}
