using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void A_written_packet_reads_back_the_same()
    {
        var buffer = new byte[200];
        var header = new RtpHeader(8, 65535, 0xFFFFFFF0, 0x12345678, Marker: true);

        var length = RtpPacket.Write(header, [1, 2, 3], buffer);

        Assert.Equal(15, length);
        Assert.Equal([0x80, 0x88, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0, 0x12, 0x34, 0x56, 0x78, 1, 2, 3], buffer[..length]);
        Assert.Null(RtpPacket.TryRead(buffer.AsSpan(0, length), out var read, out var payload));
        Assert.Equal(header, read);
        Assert.Equal([1, 2, 3], payload.ToArray());
    }

    [Fact]
    public void Csrcs_extension_and_padding_are_skipped()
    {
        byte[] packet =
        [
            0xB1, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 7,
            0xAA, 0xAA, 0xAA, 0xAA,
            0xBE, 0xDE, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44,
            0x55, 0x66,
            0x00, 0x00, 0x03,
        ];

        Assert.Null(RtpPacket.TryRead(packet, out var header, out var payload));
        Assert.Equal(new RtpHeader(0, 1, 160, 7), header);
        Assert.Equal([0x55, 0x66], payload.ToArray());
    }

    [Theory]
    [InlineData("80 00 00 01 00 00 00 A0 00 00 00", "shorter than an RTP header")]
    [InlineData("40 00 00 01 00 00 00 A0 00 00 00 07", "version 1")]
    [InlineData("80 C8 00 01 00 00 00 A0 00 00 00 07", "RTCP")]
    [InlineData("82 00 00 01 00 00 00 A0 00 00 00 07 00 00 00 01", "runs past the end")]
    [InlineData("90 00 00 01 00 00 00 A0 00 00 00 07 BE DE", "extension is cut off")]
    [InlineData("90 00 00 01 00 00 00 A0 00 00 00 07 BE DE 00 02 00 00 00 00", "runs past the end")]
    [InlineData("A0 00 00 01 00 00 00 A0 00 00 00 07 00", "padding count is zero")]
    [InlineData("A0 00 00 01 00 00 00 A0 00 00 00 07 09", "runs past the end")]
    public void Malformed_datagrams_are_rejected_with_a_reason(string hex, string reason)
    {
        var datagram = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        Assert.Contains(reason, RtpPacket.TryRead(datagram, out _, out _), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sequencer_numbers_packets_and_moves_media_time()
    {
        var sequencer = new RtpSequencer(42, 65535, 1000);

        var first = sequencer.Next(0, 160, marker: true);
        sequencer.Advance(160);
        var second = sequencer.Next(0, 160);

        Assert.Equal(new RtpHeader(0, 65535, 1000, 42, true), first);
        Assert.Equal(new RtpHeader(0, 0, 1160, 42), second);
        Assert.Equal(2, sequencer.PacketCount);
        Assert.Equal(320, sequencer.OctetCount);
    }
}
