using Switchboard.Testing;

namespace Switchboard.Media.Tests.Dtmf;

[Trait("Category", Categories.Interop)]
public class SpeechTalkOffTests
{
    public static TheoryData<string> Voices()
    {
        var voices = new TheoryData<string>();
        foreach (var (voice, _) in SpeechSamples.Texts)
        {
            voices.Add(voice);
        }

        return voices;
    }

    [Theory]
    [MemberData(nameof(Voices))]
    public void Speech_gives_no_keys(string voice)
    {
        var text = SpeechSamples.Texts.Single(t => t.Voice == voice).Text;
        var speech = SpeechSamples.Load(voice, text);

        Assert.True(speech.Length > 8000 * 5, $"espeak-ng gave only {speech.Length} samples");
        Assert.Equal("", DtmfDetectorTests.Detect(speech));
    }

    [Fact]
    public void Keys_over_speech_are_still_found()
    {
        var speech = SpeechSamples.Load(SpeechSamples.Texts[0].Voice, SpeechSamples.Texts[0].Text);
        var keys = DtmfSignals.Keyed("159#".Select(k => new DtmfSignals.Tone(k, 60)), pauseMs: 400);
        var mixed = new short[Math.Max(speech.Length, keys.Length)];
        for (var n = 0; n < mixed.Length; n++)
        {
            var speechSample = n < speech.Length ? speech[n] / 8 : 0;
            var keySample = n < keys.Length ? keys[n] : 0;
            mixed[n] = (short)Math.Clamp(speechSample + keySample, short.MinValue, short.MaxValue);
        }

        Assert.Equal("159#", DtmfDetectorTests.Detect(mixed));
    }
}
