using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Dtmf;

public class Rfc4733SenderTests
{
    [Fact]
    public void A_key_is_sent_with_marker_first_growing_durations_and_three_end_packets()
    {
        var sequencer = new RtpSequencer(0xABCD, 100, 8000);
        var sender = new Rfc4733Sender(96, 20);
        sender.Enqueue('#', TimeSpan.FromMilliseconds(100));

        var packets = Drain(sender, sequencer, 160);

        Assert.Equal(
        [
            "M seq=100 ts=8000 pt=96 11 160",
            "seq=101 ts=8000 pt=96 11 320",
            "seq=102 ts=8000 pt=96 11 480",
            "seq=103 ts=8000 pt=96 11 640",
            "seq=104 ts=8000 pt=96 11 800 E",
            "seq=105 ts=8000 pt=96 11 800 E",
            "seq=106 ts=8000 pt=96 11 800 E",
        ], packets);
        Assert.False(sender.IsBusy);
    }

    [Fact]
    public void A_held_key_grows_until_released_and_ends_with_the_duration_given_but_never_less_than_sent()
    {
        var sequencer = new RtpSequencer(7, 0, 0);
        var sender = new Rfc4733Sender(101, 20);
        sender.Press('3');
        var held = Drain(sender, sequencer, 160, packets: 4);
        sender.Release(TimeSpan.FromMilliseconds(100));
        var released = Drain(sender, sequencer, 160);
        sender.Press('4');
        sender.Release(TimeSpan.Zero);
        var brief = Drain(sender, sequencer, 160);

        Assert.Equal(["M seq=0 ts=0 pt=101 3 160", "seq=1 ts=0 pt=101 3 320", "seq=2 ts=0 pt=101 3 480", "seq=3 ts=0 pt=101 3 640"], held);
        Assert.Equal(["seq=4 ts=0 pt=101 3 800 E", "seq=5 ts=0 pt=101 3 800 E", "seq=6 ts=0 pt=101 3 800 E"], released);
        Assert.Equal(["M seq=7 ts=1120 pt=101 4 160", "seq=8 ts=1120 pt=101 4 320 E", "seq=9 ts=1120 pt=101 4 320 E", "seq=10 ts=1120 pt=101 4 320 E"], brief);
        Assert.False(sender.IsBusy);
    }

    [Fact]
    public void A_key_released_after_more_was_sent_ends_at_what_was_sent()
    {
        var sequencer = new RtpSequencer(7, 0, 0);
        var sender = new Rfc4733Sender(101, 20);
        sender.Press('9');
        Drain(sender, sequencer, 160, packets: 10);
        sender.Release(TimeSpan.FromMilliseconds(50));

        Assert.Equal("seq=10 ts=0 pt=101 9 1600 E", Drain(sender, sequencer, 160)[0]);
    }

    [Fact]
    public void Queued_keys_follow_each_other_with_their_own_timestamps()
    {
        var sequencer = new RtpSequencer(1, 0, 0);
        var sender = new Rfc4733Sender(101, 30);
        sender.Enqueue('1', TimeSpan.FromMilliseconds(60));
        sender.Enqueue('d', TimeSpan.FromMilliseconds(10));

        var packets = Drain(sender, sequencer, 240);

        Assert.Equal(
        [
            "M seq=0 ts=0 pt=101 1 240",
            "seq=1 ts=0 pt=101 1 480 E",
            "seq=2 ts=0 pt=101 1 480 E",
            "seq=3 ts=0 pt=101 1 480 E",
            "M seq=4 ts=960 pt=101 15 240",
            "seq=5 ts=960 pt=101 15 320 E",
            "seq=6 ts=960 pt=101 15 320 E",
            "seq=7 ts=960 pt=101 15 320 E",
        ], packets);
    }

    [Fact]
    public void What_the_sender_sends_the_receiver_reads_as_the_same_key_and_duration()
    {
        var sequencer = new RtpSequencer();
        var sender = new Rfc4733Sender(101, 20);
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, TimeSpan.FromMilliseconds(300));
        sender.Enqueue('5', TimeSpan.FromMilliseconds(120));
        var buffer = new byte[64];

        for (int length; (length = sender.WriteNext(sequencer, buffer)) > 0; sequencer.Advance(160))
        {
            RtpPacket.TryRead(buffer.AsSpan(0, length), out var header, out var payload);
            receiver.Receive(header, payload, TimeSpan.Zero);
        }

        Assert.Equal(["5 Started 0", "5 Ended 120"], events.Select(Rfc4733ReceiverTests.Describe));
    }

    [Fact]
    public void Nothing_is_sent_when_no_key_waits()
    {
        Assert.Equal(0, new Rfc4733Sender(101, 20).WriteNext(new RtpSequencer(), new byte[64]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rfc4733Sender(101, 20).Enqueue('x', TimeSpan.FromMilliseconds(100)));
    }

    private static List<string> Drain(Rfc4733Sender sender, RtpSequencer sequencer, int packetSamples, int packets = int.MaxValue)
    {
        var written = new List<string>();
        var buffer = new byte[64];
        for (int length; written.Count < packets && (length = sender.WriteNext(sequencer, buffer)) > 0;)
        {
            Assert.Null(RtpPacket.TryRead(buffer.AsSpan(0, length), out var header, out var payload));
            Assert.Null(TelephoneEvent.TryRead(payload, out var e));
            written.Add($"{(header.Marker ? "M " : "")}seq={header.SequenceNumber} ts={header.Timestamp} pt={header.PayloadType} {e.Code} {e.Duration}{(e.End ? " E" : "")}");
            sequencer.Advance(packetSamples);
        }

        return written;
    }
}
