using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Audio;

public class WavRecorderTests
{
    private static readonly short[] Speech = Tones.Sines(TimeSpan.FromMilliseconds(20), (300, -20), (1100, -25));
    private static readonly short[] Quiet = new short[160];

    [Fact]
    public void Recording_stops_at_the_maximum_length()
    {
        var recorder = new WavRecorder(new RecordingOptions { MaxLength = TimeSpan.FromMilliseconds(50), EndOnSilence = null });

        Assert.True(recorder.Write(Speech));
        Assert.True(recorder.Write(Speech));
        Assert.False(recorder.Write(Speech));

        Assert.Equal(RecordingEnd.MaxLength, recorder.Ended);
        Assert.Equal(400, recorder.Samples.Count);
        Assert.False(recorder.Write(Speech));
    }

    [Fact]
    public void Silence_after_speech_ends_the_recording_and_is_cut_off()
    {
        var recorder = new WavRecorder(new RecordingOptions { EndOnSilence = TimeSpan.FromMilliseconds(100) });

        for (var i = 0; i < 10; i++)
        {
            recorder.Write(Quiet);
        }

        Assert.Null(recorder.Ended);
        for (var i = 0; i < 5; i++)
        {
            recorder.Write(Speech);
        }

        var frames = 0;
        while (recorder.Write(Quiet))
        {
            frames++;
        }

        Assert.Equal(RecordingEnd.Silence, recorder.Ended);
        Assert.Equal(4, frames);
        Assert.Equal((10 + 5) * 160, recorder.Samples.Count);
    }

    [Fact]
    public void An_end_key_stops_the_recording_without_its_tone_and_other_keys_do_not()
    {
        var recorder = new WavRecorder(new RecordingOptions { EndKeys = "#*" });
        for (var i = 0; i < 10; i++)
        {
            recorder.Write(Speech);
        }

        Assert.False(recorder.Key('5', TimeSpan.FromMilliseconds(40)));
        Assert.True(recorder.Key('#', TimeSpan.FromMilliseconds(40)));

        Assert.Equal(RecordingEnd.Key, recorder.Ended);
        Assert.Equal(1600 - 320, recorder.Samples.Count);
    }

    [Theory]
    [InlineData(DtmfSource.InBand, 1600 - 400)]
    [InlineData(DtmfSource.Rfc4733, 1600)]
    [InlineData(DtmfSource.SipInfo, 1600)]
    public void A_key_from_the_session_cuts_its_tone_only_when_it_came_in_the_audio(DtmfSource source, int kept)
    {
        var recorder = new WavRecorder(new RecordingOptions());
        for (var i = 0; i < 10; i++)
        {
            recorder.Write(Speech);
        }

        Assert.False(recorder.Key(new DtmfEvent('1', DtmfEventKind.Ended, TimeSpan.FromMilliseconds(50), source)));
        Assert.True(recorder.Key(new DtmfEvent('#', DtmfEventKind.Ended, TimeSpan.FromMilliseconds(50), source)));

        Assert.Equal(kept, recorder.Samples.Count);
    }

    [Fact]
    public async Task Completion_tells_a_waiting_flow_why_the_recording_ended()
    {
        var byKey = new WavRecorder(new RecordingOptions());
        var stopped = new WavRecorder(new RecordingOptions());
        var waiting = byKey.Completion;
        byKey.Write(Speech);

        Assert.False(waiting.IsCompleted);
        byKey.Key('#', TimeSpan.FromMilliseconds(10));
        stopped.Stop();
        stopped.Stop();

        Assert.Equal(RecordingEnd.Key, await waiting);
        Assert.Equal(RecordingEnd.Stopped, await stopped.Completion);
    }

    [Fact]
    public void The_recording_is_saved_as_a_wav_file()
    {
        var recorder = new WavRecorder(new RecordingOptions());
        recorder.Write(Speech);
        recorder.Stop();

        var audio = WavReader.Read(recorder.ToWav(WavEncoding.ALaw)).Audio!;

        Assert.Equal(RecordingEnd.Stopped, recorder.Ended);
        Assert.Equal((8000, WavEncoding.ALaw, 160), (audio.SampleRate, audio.Encoding, audio.Samples.Length));
    }
}
