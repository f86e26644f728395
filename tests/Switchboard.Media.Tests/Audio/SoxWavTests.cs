using System.Diagnostics;
using Switchboard.Media.Audio;
using Switchboard.Media.Tests.Dtmf;
using Switchboard.Testing;

namespace Switchboard.Media.Tests.Audio;

/// <summary>WAV files as sox writes them (the tool users convert their prompts with), read and brought to 8 kHz.</summary>
[Trait("Category", Categories.Interop)]
public sealed class SoxWavTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-sox-").FullName;

    [Theory]
    [InlineData("-r 8000 -c 1 -b 16", 8000, 1, WavEncoding.Pcm16)]
    [InlineData("-r 8000 -c 2 -b 16", 8000, 2, WavEncoding.Pcm16)]
    [InlineData("-r 16000 -c 1 -b 16", 16000, 1, WavEncoding.Pcm16)]
    [InlineData("-r 16000 -c 2 -b 16", 16000, 2, WavEncoding.Pcm16)]
    [InlineData("-r 22050 -c 1 -b 16", 22050, 1, WavEncoding.Pcm16)]
    [InlineData("-r 22050 -c 2 -b 16", 22050, 2, WavEncoding.Pcm16)]
    [InlineData("-r 44100 -c 1 -b 16", 44100, 1, WavEncoding.Pcm16)]
    [InlineData("-r 44100 -c 2 -b 16", 44100, 2, WavEncoding.Pcm16)]
    [InlineData("-r 48000 -c 1 -b 16", 48000, 1, WavEncoding.Pcm16)]
    [InlineData("-r 48000 -c 2 -b 16", 48000, 2, WavEncoding.Pcm16)]
    [InlineData("-r 8000 -c 1 -e a-law", 8000, 1, WavEncoding.ALaw)]
    [InlineData("-r 8000 -c 1 -e u-law", 8000, 1, WavEncoding.MuLaw)]
    public void Keys_survive_any_format_sox_writes(string format, int rate, int channels, WavEncoding encoding)
    {
        var source = Path.Combine(_folder, "keys.wav");
        var converted = Path.Combine(_folder, "converted.wav");
        File.WriteAllBytes(source, WavWriter.Write(DtmfSignals.Keyed("1479*#".Select(k => new DtmfSignals.Tone(k, 60))), 8000));
        Sox([source, .. format.Split(' '), converted]);

        var result = WavReader.Read(File.ReadAllBytes(converted));

        Assert.True(result.IsComplete, result.Error);
        Assert.Equal((rate, channels, encoding), (result.Audio!.SampleRate, result.Audio.Channels, result.Audio.Encoding));
        Assert.Equal("1479*#", DtmfDetectorTests.Detect(result.Audio.ToTelephony()));
    }

    [Theory]
    [InlineData(48000, 1)]
    [InlineData(48000, 2)]
    [InlineData(44100, 2)]
    public void A_tone_just_above_4_khz_in_a_studio_file_is_filtered_out_and_one_inside_the_band_kept(int rate, int channels)
    {
        var file = Path.Combine(_folder, "tones.wav");
        Sox(["-n", "-r", $"{rate}", "-c", $"{channels}", "-b", "16", file, "synth", "1", "sine", "4100", "sine", "1000", "remix", "1-2", "gain", "-6"]);

        var audio = WavReader.Read(File.ReadAllBytes(file)).Audio!.ToTelephony();

        // Without the low-pass, 4100 Hz would fold back to 3900 Hz at the level of the 1000 Hz tone (about 8,000).
        var kept = ResamplerTests.Level(audio[400..^400], 1000);
        var folded = ResamplerTests.Level(audio[400..^400], 3900);
        Assert.InRange(kept, 6000, 11000);
        Assert.True(folded < kept / 1000, $"3900 Hz at {folded:F1} against 1000 Hz at {kept:F0}: less than 60 dB down");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void Sox(string[] arguments)
    {
        var start = new ProcessStartInfo("sox") { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"sox failed: {errors}");
    }
}
