using Switchboard.Simulation;

namespace Switchboard.Core.Tests.Simulation;

public class KeyScriptTests
{
    [Fact]
    public void Groups_are_split_on_spaces_and_read_by_their_marks()
    {
        var script = KeyScript.Parse("0612345678#  !1 _ 12h h !*h a");
        Assert.Equal(
            [
                new KeyGroup("0612345678#", false, false, false),
                new KeyGroup("1", true, false, false),
                new KeyGroup("", false, true, false),
                new KeyGroup("12", false, false, true),
                new KeyGroup("", false, false, true),
                new KeyGroup("*", true, false, true),
                new KeyGroup("A", false, false, false),
            ],
            script.Groups);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_script_presses_nothing(string? text) => Assert.Empty(KeyScript.Parse(text).Groups);

    [Theory]
    [InlineData("12 3x4", 4, "'x' is not a keypad key")]
    [InlineData("1h2", 1, "'h' (hang up) may only end a group")]
    [InlineData("!", 0, "'!' must be followed by keys")]
    [InlineData("1 !_", 2, "cannot be pressed during a prompt")]
    [InlineData("1_", 1, "'_' must stand alone")]
    [InlineData("0612 !!1", 6, "'!' is not a keypad key")]
    public void Bad_scripts_are_rejected_with_the_position_and_the_reason(string text, int position, string reason)
    {
        Assert.Null(KeyScript.TryParse(text, out var error));
        Assert.Equal(position, error!.Position);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains($"character {position + 1}", Assert.Throws<FormatException>(() => KeyScript.Parse(text)).Message, StringComparison.Ordinal);
    }
}
