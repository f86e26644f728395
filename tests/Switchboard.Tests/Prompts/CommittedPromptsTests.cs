using Switchboard.Prompts;
using Switchboard.Testing;

namespace Switchboard.Tests.Prompts;

/// <summary>The prompts that ship in the repository, so a fresh machine speaks: a manifest key added without generating fails here.</summary>
public sealed class CommittedPromptsTests
{
    private static readonly PromptSelection Shipped = PromptSelection.Load(RepoPaths.InRepo("prompts"), [], ["en", "nl"]);

    [Fact]
    public void Every_manifest_key_has_a_usable_recording_in_dutch_and_english()
    {
        var problems = Shipped.Entries
            .SelectMany(e => RecordingCheck.Inspect(e, GeneratedStamps.Load(e.Folder)).Select(p => $"{e.Name}: {p}"))
            .ToArray();

        Assert.True(problems.Length == 0, "run './switchboard prompts generate':\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Every_manifest_is_spoken_in_dutch_and_english()
    {
        var library = PromptLibrary.Load(RepoPaths.InRepo("prompts"));

        Assert.All(library.Manifests.Values, m => Assert.Superset(new HashSet<string>(m.Languages), new HashSet<string> { "en", "nl" }));
        Assert.Equal(library.Manifests.Values.Sum(m => m.Texts.Count * 2), Shipped.Entries.Count);
    }
}
