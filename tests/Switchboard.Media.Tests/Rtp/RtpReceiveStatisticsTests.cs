using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtpReceiveStatisticsTests
{
    [Fact]
    public void A_steady_stream_has_no_loss_and_no_jitter()
    {
        var statistics = new RtpReceiveStatistics(7, 8000);

        for (var i = 0; i < 50; i++)
        {
            statistics.Receive(new RtpHeader(0, (ushort)(100 + i), (uint)(1000 + (160 * i)), 7), TimeSpan.FromMilliseconds(20 * i));
        }

        var block = statistics.ReportBlock(TimeSpan.FromSeconds(1));
        Assert.Equal(new RtcpReportBlock(7, 0, 0, 149, 0, 0, 0), block);
    }

    [Fact]
    public void Losses_show_in_the_fraction_and_the_total_and_the_fraction_restarts_each_report()
    {
        var statistics = new RtpReceiveStatistics(7, 8000);
        foreach (var sequence in new ushort[] { 1, 2, 4, 5, 8 })
        {
            statistics.Receive(new RtpHeader(0, sequence, sequence * 160u, 7), TimeSpan.FromMilliseconds(sequence * 20));
        }

        var first = statistics.ReportBlock(TimeSpan.FromSeconds(1));
        statistics.Receive(new RtpHeader(0, 9, 9 * 160u, 7), TimeSpan.FromMilliseconds(180));
        var second = statistics.ReportBlock(TimeSpan.FromSeconds(2));

        Assert.Equal((3, 8u, (byte)(3 * 256 / 8)), (first.CumulativeLost, first.HighestSequenceNumber, first.FractionLost));
        Assert.Equal((3, 9u, (byte)0), (second.CumulativeLost, second.HighestSequenceNumber, second.FractionLost));
    }

    [Fact]
    public void Sequence_numbers_wrapping_past_65535_are_counted_as_cycles()
    {
        var statistics = new RtpReceiveStatistics(7, 8000);
        foreach (var sequence in new ushort[] { 65534, 65535, 0, 1 })
        {
            statistics.Receive(new RtpHeader(0, sequence, 0, 7), TimeSpan.Zero);
        }

        Assert.Equal(65536u + 1, statistics.ExtendedHighestSequence);
        Assert.Equal(0, statistics.CumulativeLost);
    }

    [Fact]
    public void Late_and_duplicate_packets_do_not_move_the_highest_sequence()
    {
        var statistics = new RtpReceiveStatistics(7, 8000);
        foreach (var sequence in new ushort[] { 10, 12, 11, 12 })
        {
            statistics.Receive(new RtpHeader(0, sequence, 0, 7), TimeSpan.Zero);
        }

        Assert.Equal(12u, statistics.ExtendedHighestSequence);
        Assert.Equal(-1, statistics.CumulativeLost);
    }

    [Fact]
    public void A_sender_restart_is_taken_after_two_packets_in_sequence()
    {
        var statistics = new RtpReceiveStatistics(7, 8000);
        statistics.Receive(new RtpHeader(0, 100, 0, 7), TimeSpan.Zero);
        statistics.Receive(new RtpHeader(0, 30000, 0, 7), TimeSpan.Zero);
        Assert.Equal(100u, statistics.ExtendedHighestSequence);

        statistics.Receive(new RtpHeader(0, 30001, 0, 7), TimeSpan.Zero);

        Assert.Equal(30001u, statistics.ExtendedHighestSequence);
        Assert.Equal(0, statistics.CumulativeLost);
    }

    [Fact]
    public void Arrival_jitter_is_estimated_in_timestamp_units()
    {
        var statistics = new RtpReceiveStatistics(7, 8000);

        for (var i = 0; i < 400; i++)
        {
            var wobble = i % 2 == 0 ? 0 : 5;
            statistics.Receive(new RtpHeader(0, (ushort)i, (uint)(160 * i), 7), TimeSpan.FromMilliseconds((20 * i) + wobble));
        }

        // Transit alternates by 5 ms = 40 timestamp units, so the estimate settles at 40.
        Assert.InRange(statistics.Jitter, 38u, 40u);
    }

    [Fact]
    public void The_last_sender_report_is_echoed_with_the_delay_since()
    {
        var statistics = new RtpReceiveStatistics(7, 8000);
        statistics.Receive(new RtpHeader(0, 1, 0, 7), TimeSpan.Zero);
        statistics.SenderReport(0x0001_2345_6789_0000, TimeSpan.FromSeconds(10));

        var block = statistics.ReportBlock(TimeSpan.FromSeconds(10.5));

        Assert.Equal(0x2345_6789u, block.LastSenderReport);
        Assert.Equal(32768u, block.DelaySinceLastSenderReport);
    }
}
