using Switchboard.Media.Bridge;

namespace Switchboard.Media.Tests.Bridge;

public class RelayBufferTests
{
    [Fact]
    public void Frames_come_out_in_order_and_a_dry_buffer_gives_silence_without_ending()
    {
        var relay = new RelayBuffer();
        relay.Write([1, 2, 3]);
        var frame = new short[4];

        Assert.Equal(4, relay.Read(frame));
        Assert.Equal([1, 2, 3, 0], frame);
        Assert.Equal(4, relay.Read(frame));
        Assert.Equal([0, 0, 0, 0], frame);
    }

    [Fact]
    public void Past_a_fifth_of_a_second_the_oldest_audio_is_dropped()
    {
        var relay = new RelayBuffer();
        for (short i = 0; i < 12; i++)
        {
            relay.Write(Enumerable.Repeat(i, 160).ToArray());
        }

        var frame = new short[160];
        relay.Read(frame);

        Assert.All(frame, s => Assert.Equal(2, s));
    }

    [Fact]
    public void A_closed_relay_ends_its_playback()
    {
        var relay = new RelayBuffer();
        relay.Write([1, 2]);
        relay.Close();

        Assert.Equal(0, relay.Read(new short[160]));
    }
}
