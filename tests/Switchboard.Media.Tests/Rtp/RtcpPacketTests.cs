using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtcpPacketTests
{
    [Fact]
    public void A_sender_report_with_cname_and_bye_reads_back()
    {
        var report = new RtcpReport(0xCAFE, new RtcpSenderInfo(0x0102030405060708, 16000, 100, 16000),
            [new RtcpReportBlock(0xBEEF, 12, -3, 70000, 40, 0x11112222, 65536)]);
        var buffer = new byte[256];

        var length = RtcpPacket.Write(report, "switchboard@host", buffer, bye: true);
        var reports = new List<RtcpReport>();
        var error = RtcpPacket.TryRead(buffer.AsSpan(0, length), reports, out var bye);

        Assert.Null(error);
        Assert.True(bye);
        var read = Assert.Single(reports);
        Assert.Equal(report.Ssrc, read.Ssrc);
        Assert.Equal(report.Sender, read.Sender);
        Assert.Equal(report.Blocks, read.Blocks);
        Assert.Equal(0, length % 4);
    }

    [Fact]
    public void A_receiver_report_has_no_sender_information()
    {
        var buffer = new byte[128];
        var length = RtcpPacket.Write(new RtcpReport(7, null, []), "x", buffer);
        var reports = new List<RtcpReport>();

        Assert.Null(RtcpPacket.TryRead(buffer.AsSpan(0, length), reports, out var bye));

        Assert.False(bye);
        Assert.Equal(new RtcpReport(7, null, []).Ssrc, reports[0].Ssrc);
        Assert.Null(reports[0].Sender);
        Assert.Equal(201, buffer[1]);
        Assert.Equal(202, buffer[9]);
    }

    [Theory]
    [InlineData("80 C9", "too short")]
    [InlineData("40 C9 00 01 00 00 00 07", "version 2")]
    [InlineData("80 C9 00 05 00 00 00 07", "claims 24 bytes")]
    [InlineData("81 C9 00 01 00 00 00 07", "needs 32 bytes")]
    public void Malformed_compound_packets_are_rejected_with_a_reason(string hex, string reason)
    {
        var datagram = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        Assert.Contains(reason, RtcpPacket.TryRead(datagram, new List<RtcpReport>(), out _), StringComparison.Ordinal);
    }
}
