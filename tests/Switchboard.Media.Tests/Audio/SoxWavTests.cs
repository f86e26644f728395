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
    [InlineData("-r 16000 -c 1 -b 16", 16000, 1, WavEncoding.Pcm16)]
    [InlineData("-r 22050 -c 2 -b 16", 22050, 2, WavEncoding.Pcm16)]
    [InlineData("-r 44100 -c 2 -b 16", 44100, 2, WavEncoding.Pcm16)]
    [InlineData("-r 48000 -c 1 -b 16", 48000, 1, WavEncoding.Pcm16)]
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
