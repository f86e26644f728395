using Switchboard.Core.Tests.Simulation;
using Switchboard.Prompts;

namespace Switchboard.Core.Tests.Prompts;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly TestPrompts _prompts = new();

    [Fact]
    public void Texts_and_paths_follow_app_language_and_key()
    {
        var scope = new PromptScope("pin", "nl");
        Assert.Equal("Welkom bij de testlijn.", _prompts.Library.TextOf(scope, Prompt.Of("welcome")));
        Assert.Equal("zeven", _prompts.Library.TextOf(scope, Prompt.Digit('7')));
        Assert.Equal(Path.Combine(_prompts.Root, "nl", "pin", "welcome.wav"), _prompts.Library.PathOf(scope, Prompt.Of("welcome")));
        Assert.Equal(Path.Combine(_prompts.Root, "nl", "digits", "7.wav"), _prompts.Library.PathOf(scope, Prompt.Digit('7')));
        Assert.Null(_prompts.Library.TextOf(scope, Prompt.Of("nonexistent")));
    }

    [Fact]
    public void Check_reports_unknown_keys_missing_texts_and_missing_recordings_by_key_and_language()
    {
        Directory.CreateDirectory(Path.Combine(_prompts.Root, "en", "pin"));
        File.WriteAllBytes(Path.Combine(_prompts.Root, "en", "pin", "welcome.wav"), [0]);

        var problems = _prompts.Library.Check("pin", ["welcome", "not_there"], recordings: true);

        Assert.Contains(new PromptProblem("pin", "not_there", "*", PromptProblemKind.UnknownKey), problems);
        Assert.Contains(new PromptProblem("pin", "goodbye", "nl", PromptProblemKind.MissingText), problems);
        Assert.Contains(problems, p => p is { Key: "welcome", Language: "nl", Kind: PromptProblemKind.MissingRecording });
        Assert.DoesNotContain(problems, p => p is { Key: "welcome", Language: "en", Kind: PromptProblemKind.MissingRecording });
        Assert.Contains(problems, p => p is { App: "digits", Key: "0", Language: "en", Kind: PromptProblemKind.MissingRecording });
        Assert.Contains("pin/goodbye [nl]: no text in the manifest", problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_shared_digit_manifest_is_complete_in_every_language()
    {
        var library = PromptLibrary.Load(Testing.RepoPaths.InRepo("prompts"));
        var digits = library.Manifests[PromptLibrary.DigitsFolder];
        Assert.Equal([.. "0123456789".Select(c => c.ToString())], digits.Texts.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(library.Check(PromptLibrary.DigitsFolder, [], recordings: false));
    }

    [Theory]
    [InlineData("{", "pin.json:")]
    [InlineData("{\"languages\": [], \"prompts\": {}}", "missing \"app\"")]
    [InlineData("{\"app\": \"pin\", \"prompts\": {}}", "missing \"languages\"")]
    [InlineData("{\"app\": \"pin\", \"languages\": [\"en\"], \"prompts\": {\"bad/key\": {}}}", "not a prompt key")]
    [InlineData("{\"app\": \"other\", \"languages\": [\"en\"], \"prompts\": {}}", "named for 'pin'")]
    public void A_bad_manifest_is_reported_with_its_file_and_fault(string json, string message)
    {
        File.WriteAllText(Path.Combine(_prompts.Root, "manifests", "pin.json"), json);
        var e = Assert.Throws<PromptManifestException>(() => PromptLibrary.Load(_prompts.Root));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a b")]
    public void Prompt_keys_cannot_leave_the_app_folder(string key) => Assert.Throws<ArgumentException>(() => Prompt.Of(key));

    [Fact]
    public void Digits_are_read_back_one_by_one()
    {
        Assert.Equal("digits/0 digits/6 digits/1", Prompt.DigitsOf("0+61").ToString());
        Assert.Throws<ArgumentException>(() => Prompt.Digit('#'));
    }

    public void Dispose() => _prompts.Dispose();
}
