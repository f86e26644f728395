using System.Text.Json;
using Switchboard.Media.Audio;
using Switchboard.Prompts;

namespace Switchboard.Tests.Prompts;

/// <summary>A prompt library in a temporary folder: manifests written by the test, recordings written or generated into it.</summary>
internal sealed class TempPromptRoot : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("switchboard-prompts-").FullName;

    /// <summary>Writes <c>manifests/&lt;app&gt;.json</c>: key → language → text.</summary>
    public void Manifest(string app, string[] languages, Dictionary<string, Dictionary<string, string>> prompts)
    {
        Directory.CreateDirectory(Path.Combine(Root, "manifests"));
        File.WriteAllText(Path.Combine(Root, "manifests", app + ".json"),
            JsonSerializer.Serialize(new { app, languages, prompts }));
    }

    public string PathOf(string language, string app, string key) => Path.Combine(Root, language, app, key + ".wav");

    /// <summary>Writes a file into a prompt folder, creating the folder.</summary>
    public string Write(string language, string app, string fileName, byte[] bytes)
    {
        var path = Path.Combine(Root, language, app, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A 440 Hz tone at −12 dBFS peak, as a stand-in for a recording.</summary>
    public static short[] Tone(TimeSpan duration, int sampleRate = 8000, double peakDbfs = -12)
    {
        var samples = new short[(int)(duration.TotalSeconds * sampleRate)];
        var peak = 32767 * Math.Pow(10, peakDbfs / 20);
        for (var n = 0; n < samples.Length; n++)
        {
            samples[n] = (short)Math.Round(peak * Math.Sin(2 * Math.PI * 440 * n / sampleRate));
        }

        return samples;
    }

    /// <summary>Reads a prompt's WAV back, failing the test when it is not readable.</summary>
    public static WavAudio Read(string path)
    {
        var read = WavReader.Read(File.ReadAllBytes(path));
        Assert.True(read.IsComplete, read.Error);
        return read.Audio!;
    }

    /// <summary>Every entry of the library at the root, in every language.</summary>
    public IReadOnlyList<PromptEntry> Entries() => PromptSelection.Load(Root, [], []).Entries;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
