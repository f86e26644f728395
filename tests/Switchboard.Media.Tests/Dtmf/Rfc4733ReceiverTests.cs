using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Dtmf;

public class Rfc4733ReceiverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(300);

    public static TheoryData<string, char> SippCaptures() => new()
    {
        { "0", '0' }, { "1", '1' }, { "2", '2' }, { "3", '3' }, { "4", '4' }, { "5", '5' },
        { "6", '6' }, { "7", '7' }, { "8", '8' }, { "9", '9' }, { "star", '*' }, { "pound", '#' },
    };

    [Theory]
    [MemberData(nameof(SippCaptures))]
    public void Each_sipp_capture_gives_one_key_reported_at_start_and_end(string name, char digit)
    {
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, Timeout);

        foreach (var (time, datagram) in PcapFile.ReadUdp(SippCapture(name)))
        {
            Assert.Null(RtpPacket.TryRead(datagram, out var header, out var payload));
            Assert.Null(receiver.Receive(header, payload, time));
        }

        Assert.Equal(
            [
                new DtmfEvent(digit, DtmfEventKind.Started, TimeSpan.Zero, DtmfSource.Rfc4733),
                new DtmfEvent(digit, DtmfEventKind.Ended, TimeSpan.FromMilliseconds(280), DtmfSource.Rfc4733),
            ],
            events);
    }

    [Fact]
    public void All_sipp_captures_in_a_row_give_every_key_once_in_order()
    {
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, Timeout);
        var clock = TimeSpan.Zero;

        foreach (var name in new[] { "1", "2", "3", "star", "0", "pound", "4", "5", "6", "7", "8", "9" })
        {
            foreach (var (time, datagram) in PcapFile.ReadUdp(SippCapture(name)))
            {
                RtpPacket.TryRead(datagram, out var header, out var payload);
                receiver.Receive(header, payload, clock + time);
            }

            clock += TimeSpan.FromSeconds(1);
            receiver.Expire(clock);
        }

        Assert.Equal("123*0#456789", string.Concat(events.Where(e => e.Kind == DtmfEventKind.Ended).Select(e => e.Digit)));
        Assert.Equal(12, events.Count(e => e.Kind == DtmfEventKind.Started));
    }

    [Fact]
    public void A_lost_end_packet_is_made_up_for_by_the_timeout()
    {
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, Timeout);
        var last = TimeSpan.Zero;

        foreach (var (time, datagram) in PcapFile.ReadUdp(SippCapture("7")))
        {
            RtpPacket.TryRead(datagram, out var header, out var payload);
            TelephoneEvent.TryRead(payload, out var telephoneEvent);
            if (!telephoneEvent.End)
            {
                receiver.Receive(header, payload, time);
                last = time;
            }
        }

        receiver.Expire(last + Timeout - TimeSpan.FromMilliseconds(1));
        Assert.Single(events);
        receiver.Expire(last + Timeout);
        Assert.Equal(new DtmfEvent('7', DtmfEventKind.Ended, TimeSpan.FromMilliseconds(240), DtmfSource.Rfc4733), events[^1]);
    }

    [Fact]
    public void A_new_event_closes_one_whose_end_was_lost()
    {
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, Timeout);

        Receive(receiver, ssrc: 1, timestamp: 1000, code: 1, end: false, duration: 400);
        Receive(receiver, ssrc: 1, timestamp: 3000, code: 2, end: false, duration: 160);

        Assert.Equal(["1 Started 0", "1 Ended 50", "2 Started 0"], events.Select(Describe));
    }

    [Fact]
    public void Zero_duration_reports_and_non_dtmf_events_are_ignored()
    {
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, Timeout);

        Receive(receiver, ssrc: 1, timestamp: 1000, code: 5, end: false, duration: 0);
        Receive(receiver, ssrc: 1, timestamp: 2000, code: 5, end: true, duration: 0);
        Receive(receiver, ssrc: 1, timestamp: 3000, code: 16, end: false, duration: 800);
        Receive(receiver, ssrc: 1, timestamp: 3000, code: 16, end: true, duration: 800);

        Assert.Empty(events);
    }

    [Fact]
    public void Events_are_told_apart_by_ssrc_as_well_as_timestamp_and_code()
    {
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, Timeout);

        Receive(receiver, ssrc: 1, timestamp: 1000, code: 9, end: true, duration: 800);
        Receive(receiver, ssrc: 1, timestamp: 1000, code: 9, end: true, duration: 800);
        Receive(receiver, ssrc: 2, timestamp: 1000, code: 9, end: true, duration: 800);
        Receive(receiver, ssrc: 2, timestamp: 1000, code: 3, end: true, duration: 800);

        Assert.Equal(["9 Started 0", "9 Ended 100", "9 Started 0", "9 Ended 100", "3 Started 0", "3 Ended 100"], events.Select(Describe));
    }

    [Theory]
    [InlineData("054a0320", 5, false, 10, 800)]
    [InlineData("05ca0640", 5, true, 10, 1600)]
    [InlineData("0b8a0640", 11, true, 10, 1600)]
    public void The_reserved_bit_sipp_sets_in_some_packets_changes_neither_end_nor_volume(string hex, byte code, bool end, byte volume, ushort duration)
    {
        Assert.Null(TelephoneEvent.TryRead(Convert.FromHexString(hex), out var telephoneEvent));

        Assert.Equal(new TelephoneEvent(code, end, volume, duration), telephoneEvent);
    }

    [Fact]
    public void The_same_capture_replayed_later_is_a_second_press_of_the_key()
    {
        var events = new List<DtmfEvent>();
        var receiver = new Rfc4733Receiver(events.Add, Timeout);

        foreach (var start in new[] { TimeSpan.Zero, TimeSpan.FromSeconds(2) })
        {
            foreach (var (time, datagram) in PcapFile.ReadUdp(SippCapture("6")))
            {
                RtpPacket.TryRead(datagram, out var header, out var payload);
                receiver.Receive(header, payload, start + time);
            }
        }

        Assert.Equal("66", string.Concat(events.Where(e => e.Kind == DtmfEventKind.Ended).Select(e => e.Digit)));
        Assert.Equal(2, events.Count(e => e.Kind == DtmfEventKind.Started));
    }

    [Fact]
    public void A_short_payload_is_reported()
    {
        var receiver = new Rfc4733Receiver(_ => { }, Timeout);

        Assert.Contains("needs 4 bytes", receiver.Receive(new RtpHeader(101, 1, 1, 1), [1, 2], TimeSpan.Zero), StringComparison.Ordinal);
    }

    internal static string Describe(DtmfEvent e) => $"{e.Digit} {e.Kind} {e.Duration.TotalMilliseconds}";

    private static void Receive(Rfc4733Receiver receiver, uint ssrc, uint timestamp, byte code, bool end, ushort duration)
    {
        var payload = new byte[4];
        new TelephoneEvent(code, end, 10, duration).Write(payload);
        Assert.Null(receiver.Receive(new RtpHeader(101, 1, timestamp, ssrc), payload, TimeSpan.Zero));
    }

    internal static string SippCapture(string name)
    {
        var path = $"/usr/share/sip-tester/dtmf_2833_{name}.pcap";
        Assert.True(File.Exists(path), $"{path} is missing: install Debian's sip-tester (./test.sh does, via tests/setup/50-media.sh)");
        return path;
    }
}
