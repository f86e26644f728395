using Switchboard.Prompts;

namespace Switchboard.Core.Tests.Simulation;

/// <summary>A prompt library in a temporary folder with the test app's manifest beside the repository's digits.</summary>
internal sealed class TestPrompts : IDisposable
{
    public TestPrompts()
    {
        Directory.CreateDirectory(Path.Combine(Root, "manifests"));
        File.Copy(Testing.RepoPaths.InRepo("prompts", "manifests", "digits.json"), Path.Combine(Root, "manifests", "digits.json"));
        File.WriteAllText(Path.Combine(Root, "manifests", "pin.json"), """
            {
              "app": "pin",
              "languages": ["en", "nl"],
              "prompts": {
                "welcome": { "en": "Welcome to the test line.", "nl": "Welkom bij de testlijn." },
                "enter_pin": { "en": "Enter your four digit PIN.", "nl": "Toets uw pincode van vier cijfers." },
                "you_entered": { "en": "You entered", "nl": "U heeft ingetoetst" },
                "goodbye": { "en": "Goodbye.", "nl": "" }
              }
            }
            """);
        Library = PromptLibrary.Load(Root);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("switchboard-prompts-").FullName;

    public PromptLibrary Library { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
