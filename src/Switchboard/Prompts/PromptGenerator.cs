using Switchboard.Media.Audio;

namespace Switchboard.Prompts;

/// <summary>Renders manifest entries into telephone-ready WAV files with espeak-ng, skipping those that are up to date and never
/// overwriting a recording someone put in place of a generated one (unless forced).</summary>
internal sealed class PromptGenerator(EspeakSynthesizer speech)
{
    private readonly Dictionary<string, GeneratedStamps> _stamps = new(StringComparer.Ordinal);

    /// <summary>Brings one entry's recording up to date and says what was done.</summary>
    public async Task<GenerateResult> GenerateAsync(PromptEntry entry, bool force, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(entry.Text))
        {
            return new GenerateResult(entry, GenerateOutcome.NoText);
        }

        var stamps = StampsOf(entry.Folder);
        var voice = EspeakSynthesizer.VoiceDescription(entry.Language);
        if (!force && File.Exists(entry.Path))
        {
            var stamp = stamps.Of(entry.Key);
            var hash = GeneratedStamps.Hash(await File.ReadAllBytesAsync(entry.Path, cancellationToken));
            if (stamp is null || stamp.Sha256 != hash)
            {
                return new GenerateResult(entry, GenerateOutcome.KeptOwnRecording);
            }

            if (stamp.Matches(entry.Text, voice, TelephonePrompt.Processing, hash))
            {
                return new GenerateResult(entry, GenerateOutcome.UpToDate);
            }
        }

        var samples = TelephonePrompt.Prepare(await speech.SpeakAsync(entry.Text, entry.Language, cancellationToken));
        var wav = WavWriter.Write(samples, Resampler.TelephonyRate);
        Directory.CreateDirectory(entry.Folder);
        AtomicFile.Write(entry.Path, wav);
        stamps.Record(entry.Key, new GeneratedStamp(entry.Text, voice, TelephonePrompt.Processing, GeneratedStamps.Hash(wav)));
        return new GenerateResult(entry, GenerateOutcome.Rendered, TimeSpan.FromSeconds(samples.Length / (double)Resampler.TelephonyRate));
    }

    private GeneratedStamps StampsOf(string folder)
    {
        if (!_stamps.TryGetValue(folder, out var stamps))
        {
            stamps = GeneratedStamps.Load(folder);
            _stamps[folder] = stamps;
        }

        return stamps;
    }
}

/// <summary>What <see cref="PromptGenerator"/> did with one entry.</summary>
/// <param name="Entry">The entry.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="Duration">The length of a rendered prompt.</param>
internal sealed record GenerateResult(PromptEntry Entry, GenerateOutcome Outcome, TimeSpan Duration = default);

/// <summary>The ways generating one prompt can end.</summary>
internal enum GenerateOutcome
{
    /// <summary>The WAV was (re)written.</summary>
    Rendered,

    /// <summary>The WAV was generated from the same text, voice and processing before: left as it is.</summary>
    UpToDate,

    /// <summary>The WAV is not one generated here (someone's own recording): left as it is.</summary>
    KeptOwnRecording,

    /// <summary>The manifest has no text for the key in this language: nothing to speak.</summary>
    NoText,
}
