using Switchboard.Media.Audio;
using Switchboard.Prompts;

namespace Switchboard.Tests.Prompts;

public sealed class TelephonePromptTests
{
    [Fact]
    public void Speech_is_resampled_to_8_kHz_trimmed_to_short_margins_and_normalised_to_minus_3_dBFS()
    {
        // 22.05 kHz as espeak-ng writes it: 500 ms silence, 300 ms of sound at −20 dBFS, 700 ms silence.
        short[] speech = [.. new short[11025], .. TempPromptRoot.Tone(TimeSpan.FromMilliseconds(300), 22050, -20), .. new short[15435]];

        var prompt = TelephonePrompt.Prepare(new WavAudio(22050, 1, WavEncoding.Pcm16, speech));

        Assert.InRange(prompt.Length / 8.0, 440, 470);
        Assert.InRange(RecordingLevels.PeakDbfs(prompt), -3.05, -2.95);
        var firstSound = Array.FindIndex(prompt, s => Math.Abs((int)s) > 300);
        Assert.InRange(firstSound / 8.0, 40, 60);
    }

    [Fact]
    public void Stereo_speech_becomes_mono()
    {
        var mono = TempPromptRoot.Tone(TimeSpan.FromMilliseconds(200), 16000);
        var stereo = mono.SelectMany(s => new[] { s, s }).ToArray();

        var prompt = TelephonePrompt.Prepare(new WavAudio(16000, 2, WavEncoding.Pcm16, stereo));

        Assert.InRange(prompt.Length / 8.0, 345, 355);
        Assert.InRange(RecordingLevels.PeakDbfs(prompt), -3.05, -2.95);
    }

    [Fact]
    public void Silent_speech_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => TelephonePrompt.Prepare(new WavAudio(8000, 1, WavEncoding.Pcm16, new short[8000])));
        Assert.Contains("silent", e.Message, StringComparison.Ordinal);
    }
}
