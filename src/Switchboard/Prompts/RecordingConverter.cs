using Switchboard.Media.Audio;

namespace Switchboard.Prompts;

/// <summary>Converts someone's own recording to the prompt format (8 kHz mono 16-bit PCM WAV) in place, keeping the original as
/// <c>&lt;key&gt;.orig.&lt;ext&gt;</c>. WAV files Switchboard reads are converted with its own resampler; anything else goes through sox.</summary>
internal sealed class RecordingConverter(string soxProgram = "sox")
{
    private readonly ExternalTool _sox = new(soxProgram,
        "Install it with 'sudo apt-get install sox libsox-fmt-all' (Debian/Ubuntu) or 'brew install sox' (macOS), or convert the file yourself.");

    /// <summary>Converts the recording at <paramref name="source"/> (the entry's WAV, or a file in another format) and returns where the original went.</summary>
    /// <exception cref="PromptToolException">The file needs sox, and sox is missing or cannot read it.</exception>
    /// <exception cref="InvalidDataException">The audio sox produced cannot be read either.</exception>
    public async Task<string> ConvertAsync(PromptEntry entry, string source, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(source, cancellationToken);
        var audio = WavReader.Read(bytes).Audio ?? await DecodeWithSoxAsync(source, cancellationToken);
        var converted = WavWriter.Write(audio.ToTelephony(), Resampler.TelephonyRate);

        var original = KeptName(entry, Path.GetExtension(source));
        File.Move(source, original);
        AtomicFile.Write(entry.Path, converted);
        return original;
    }

    // sox decodes whatever it can read to mono 16-bit WAV on standard output, at the source's rate: the resampling is ours.
    private async Task<WavAudio> DecodeWithSoxAsync(string source, CancellationToken cancellationToken)
    {
        var wav = await _sox.RunAsync(["-V1", source, "-t", "wav", "-e", "signed-integer", "-b", "16", "-c", "1", "-"], null, cancellationToken);
        var read = WavReader.Read(wav);
        return read.Audio ?? throw new InvalidDataException($"sox converted {source}, but the result is not usable: {read.Error}");
    }

    // <key>.orig.<ext>, or <key>.orig-2.<ext>… when an earlier original is already kept there.
    private static string KeptName(PromptEntry entry, string extension)
    {
        var name = Path.Combine(entry.Folder, $"{entry.Key}.orig{extension}");
        for (var n = 2; File.Exists(name); n++)
        {
            name = Path.Combine(entry.Folder, $"{entry.Key}.orig-{n}{extension}");
        }

        return name;
    }
}
