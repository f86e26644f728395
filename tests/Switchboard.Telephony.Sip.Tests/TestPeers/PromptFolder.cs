using Switchboard.Media.Audio;
using Switchboard.Prompts;

namespace Switchboard.Telephony.Sip.Tests.TestPeers;

/// <summary>A prompt library in a temporary folder for the test app <c>script</c>: short tones as recordings, deleted afterwards.</summary>
internal sealed class PromptFolder : IDisposable
{
    public const string App = "script";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"switchboard-prompts-{Guid.NewGuid():N}");

    /// <summary>Writes <paramref name="recordings"/> (key → length) as 1 kHz tones under <c>en/script/</c>, and a manifest listing them.</summary>
    public PromptFolder(params (string Key, TimeSpan Length)[] recordings)
    {
        Directory.CreateDirectory(Path.Combine(_root, "manifests"));
        Directory.CreateDirectory(Path.Combine(_root, "en", App));
        var texts = string.Join(", ", recordings.Select(r => $"\"{r.Key}\": {{ \"en\": \"{r.Key}\" }}"));
        File.WriteAllText(Path.Combine(_root, "manifests", $"{App}.json"), $$"""{ "app": "{{App}}", "languages": ["en"], "prompts": { {{texts}} } }""");
        foreach (var (key, length) in recordings)
        {
            File.WriteAllBytes(Path.Combine(_root, "en", App, key + ".wav"), WavWriter.Write(Tones.Sines(length, (1000, -10)), 8000));
        }

        Library = PromptLibrary.Load(_root);
    }

    public PromptLibrary Library { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
