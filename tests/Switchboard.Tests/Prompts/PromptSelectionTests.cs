using Switchboard.Prompts;

namespace Switchboard.Tests.Prompts;

public sealed class PromptSelectionTests : IDisposable
{
    private readonly TempPromptRoot _library = new();

    public PromptSelectionTests()
    {
        _library.Manifest("test", ["en", "nl"], new() { ["hello"] = new() { ["en"] = "Hello.", ["nl"] = "Hallo." }, ["bye"] = new() { ["en"] = "Bye." } });
        _library.Manifest("digits", ["en", "nl"], new() { ["7"] = new() { ["en"] = "seven", ["nl"] = "zeven" } });
    }

    [Fact]
    public void Every_key_of_every_manifest_in_each_of_its_languages_with_its_text_and_path()
    {
        var entries = PromptSelection.Load(_library.Root, [], []).Entries;

        Assert.Equal(["en/digits/7", "nl/digits/7", "en/test/bye", "en/test/hello", "nl/test/bye", "nl/test/hello"], entries.Select(e => e.Name));
        var digit = entries[1];
        Assert.Equal(("zeven", Path.Combine(_library.Root, "nl", "digits", "7.wav")), (digit.Text, digit.Path));
        Assert.Null(entries.Single(e => e.Name == "nl/test/bye").Text);
    }

    [Fact]
    public void Apps_and_languages_narrow_the_selection()
    {
        Assert.Equal(["nl/test/bye", "nl/test/hello"], PromptSelection.Load(_library.Root, ["test"], ["nl"]).Entries.Select(e => e.Name));
        Assert.Equal(["en/digits/7"], PromptSelection.Load(_library.Root, ["digits"], ["en"]).Entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData("nope", "en", "no prompt manifest for app 'nope' (there are: digits, test).")]
    [InlineData("test", "de", "no prompt manifest has language 'de' (there are: en, nl).")]
    public void An_unknown_app_or_language_is_refused_with_what_there_is(string app, string language, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => PromptSelection.Load(_library.Root, [app], [language]));
        Assert.Equal(message, e.Message);
    }

    public void Dispose() => _library.Dispose();
}
