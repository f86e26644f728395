using Switchboard.Calls;

namespace Switchboard.Core.Tests.Calls;

public sealed class RecordingRequestTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "sb-recordings");

    [Fact]
    public void A_relative_name_lands_under_the_recordings_folder()
    {
        Assert.Equal(Path.Combine(Root, "notices", "42.wav"), new RecordingRequest { Name = "notices/42.wav" }.PathUnder(Root));
    }

    [Fact]
    public void An_absolute_path_is_used_as_it_is()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "x.wav");
        Assert.Equal(elsewhere, new RecordingRequest { Name = elsewhere }.PathUnder(Root));
    }

    [Theory]
    [InlineData("../x.wav")]
    [InlineData("notices/../../x.wav")]
    [InlineData(".")]
    public void A_relative_name_that_leaves_the_folder_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new RecordingRequest { Name = name }.PathUnder(Root));
        Assert.Contains("leaves the recordings folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ", 10, "#", "Name")]
    [InlineData("a.wav", 0, "#", "MaxLength")]
    [InlineData("a.wav", 10, "#x", "'x'")]
    public void Bad_settings_are_refused_naming_what_is_wrong(string name, int maxSeconds, string finishKeys, string named)
    {
        var request = new RecordingRequest { Name = name, MaxLength = TimeSpan.FromSeconds(maxSeconds), FinishKeys = finishKeys };
        Assert.Contains(named, Assert.Throws<ArgumentException>(request.Validate).Message, StringComparison.Ordinal);
    }
}
