using Switchboard.Media.Audio;
using Switchboard.Media.Tests.Dtmf;

namespace Switchboard.Media.Tests.Audio;

public class AudioSourcesTests
{
    [Fact]
    public void A_sequence_plays_its_parts_in_order_across_frame_boundaries_then_ends()
    {
        var source = AudioSources.Sequence(
            new AudioClip("a", (short[])[1, 2, 3]).Play(),
            AudioSources.Silence(TimeSpan.FromMilliseconds(0.5)),
            new AudioClip("b", (short[])[7, 8]).Play());

        var all = ReadAll(source, frame: 2);

        Assert.Equal([1, 2, 3, 0, 0, 0, 0, 7, 8], all);
    }

    [Fact]
    public void A_loop_starts_again_each_time_it_ends()
    {
        var clip = new AudioClip("hold music", (short[])[1, 2, 3]);
        var loop = AudioSources.Loop(clip.Play);
        var frame = new short[8];

        Assert.Equal(8, loop.Read(frame));
        Assert.Equal([1, 2, 3, 1, 2, 3, 1, 2], frame);
        Assert.Equal(8, loop.Read(frame));
        Assert.Equal([3, 1, 2, 3, 1, 2, 3, 1], frame);
    }

    [Fact]
    public void A_loop_of_nothing_is_an_error_not_a_hang()
    {
        var loop = AudioSources.Loop(() => AudioSources.Silence(TimeSpan.Zero));

        Assert.Throws<InvalidOperationException>(() => loop.Read(new short[160]));
    }

    [Fact]
    public void Ringback_follows_its_cadence()
    {
        var ringback = AudioSources.RingbackEurope();
        var frame = new short[8000];

        ringback.Read(frame);
        var on = Rms(frame);
        ringback.Read(frame);
        var off = Rms(frame);
        for (var i = 0; i < 3; i++)
        {
            ringback.Read(frame);
        }

        ringback.Read(frame);
        var onAgain = Rms(frame);

        Assert.InRange(20 * Math.Log10(on / Math.Sqrt(DtmfSignals.Power(0))), -13.5, -12.5);
        Assert.Equal(0, off);
        Assert.Equal(on, onAgain, 3);
    }

    [Fact]
    public void Dtmf_and_beep_sources_give_the_expected_audio()
    {
        var keys = ReadAll(AudioSources.Sequence(
            AudioSources.Dtmf('6', TimeSpan.FromMilliseconds(80)),
            AudioSources.Silence(TimeSpan.FromMilliseconds(80)),
            AudioSources.Dtmf('*', TimeSpan.FromMilliseconds(80)),
            AudioSources.Silence(TimeSpan.FromMilliseconds(80))), 160);
        var beep = ReadAll(AudioSources.Beep(), 160);

        Assert.Equal("6*", DtmfDetectorTests.Detect(keys));
        Assert.Equal(2000, beep.Length);
    }

    internal static short[] ReadAll(IAudioSource source, int frame)
    {
        var all = new List<short>();
        var buffer = new short[frame];
        int count;
        do
        {
            count = source.Read(buffer);
            all.AddRange(buffer[..count]);
        }
        while (count == frame);

        return [.. all];
    }

    private static double Rms(short[] frame) => Math.Sqrt(frame.Average(s => (double)s * s));
}
