using System.Globalization;
using Switchboard.Media.Audio;

namespace Switchboard.Prompts;

/// <summary>Decides whether a prompt recording can be played as it is: present, a readable WAV in the telephony format, with audible,
/// unclipped audio of a sensible length, and (when it was generated) made from the manifest's current text.</summary>
internal static class RecordingCheck
{
    /// <summary>The longest a prompt may be; anything longer is most likely the wrong file.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromSeconds(60);

    /// <summary>A recording whose peak stays below this is silent for a caller.</summary>
    public const double SilentBelowDbfs = -45;

    /// <summary>Everything wrong with <paramref name="entry"/>'s recording; empty when it is usable.</summary>
    public static IReadOnlyList<RecordingProblem> Inspect(PromptEntry entry, GeneratedStamps stamps)
    {
        var problems = new List<RecordingProblem>();
        if (string.IsNullOrWhiteSpace(entry.Text))
        {
            problems.Add(new RecordingProblem(RecordingProblemKind.NoText, $"manifests/{entry.App}.json has no '{entry.Language}' text for '{entry.Key}'"));
        }

        if (!File.Exists(entry.Path))
        {
            problems.Add(OtherRecording(entry) is { } other
                ? new RecordingProblem(RecordingProblemKind.OtherFormat, $"found {Path.GetFileName(other)}")
                : new RecordingProblem(RecordingProblemKind.Missing, $"no {entry.Path}"));
            return problems;
        }

        var bytes = File.ReadAllBytes(entry.Path);
        var read = WavReader.Read(bytes);
        if (read.Audio is not { } audio)
        {
            problems.Add(new RecordingProblem(RecordingProblemKind.NotWav, read.Error!));
            return problems;
        }

        if (WavFormatHeader.Read(bytes) is { } format && format != WavFormatHeader.Telephony)
        {
            problems.Add(new RecordingProblem(RecordingProblemKind.WrongFormat, $"{format}, needs {WavFormatHeader.Telephony}"));
        }

        problems.AddRange(AudioProblems(audio));
        if (stamps.Of(entry.Key) is { } stamp && stamp.Sha256 == GeneratedStamps.Hash(bytes)
            && !stamp.Matches(entry.Text ?? "", EspeakSynthesizer.VoiceDescription(entry.Language), TelephonePrompt.Processing, stamp.Sha256))
        {
            problems.Add(new RecordingProblem(RecordingProblemKind.Stale,
                stamp.Text == entry.Text ? "generated with other voice settings; run 'prompts generate'" : $"generated from \"{stamp.Text}\"; run 'prompts generate'"));
        }

        return problems;
    }

    /// <summary>A recording of the key in another format (<c>&lt;key&gt;.mp3</c>, <c>&lt;key&gt;.ogg</c>…), not a kept original.</summary>
    public static string? OtherRecording(PromptEntry entry) =>
        Directory.Exists(entry.Folder)
            ? Directory.EnumerateFiles(entry.Folder, entry.Key + ".*")
                .Where(f => Path.GetFileNameWithoutExtension(f) == entry.Key && !f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).FirstOrDefault()
            : null;

    private static IEnumerable<RecordingProblem> AudioProblems(WavAudio audio)
    {
        if (audio.Samples.Length == 0)
        {
            yield return new RecordingProblem(RecordingProblemKind.Empty, "the file holds no audio");
            yield break;
        }

        var peak = RecordingLevels.PeakDbfs(audio.Samples);
        if (peak < SilentBelowDbfs)
        {
            yield return new RecordingProblem(RecordingProblemKind.Silent,
                double.IsNegativeInfinity(peak) ? "digital silence" : string.Create(CultureInfo.InvariantCulture, $"peak {peak:0} dBFS, below {SilentBelowDbfs:0} dBFS"));
        }

        if (audio.Duration > MaxLength)
        {
            yield return new RecordingProblem(RecordingProblemKind.TooLong,
                string.Create(CultureInfo.InvariantCulture, $"{audio.Duration.TotalSeconds:0.0} s, prompts are at most {MaxLength.TotalSeconds:0} s"));
        }

        var clipped = RecordingLevels.ClippedSpots(audio.Samples, audio.Channels);
        if (clipped > 0)
        {
            yield return new RecordingProblem(RecordingProblemKind.Clipped,
                $"{clipped} place{(clipped == 1 ? "" : "s")} with {RecordingLevels.ClippedRun} or more full-scale samples in a row; record it again at a lower level");
        }
    }
}
