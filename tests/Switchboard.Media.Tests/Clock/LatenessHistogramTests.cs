using Switchboard.Media.Clock;

namespace Switchboard.Media.Tests.Clock;

public sealed class LatenessHistogramTests
{
    [Fact]
    public void Cumulative_counts_split_at_the_50_microsecond_edges()
    {
        var histogram = Recorded(20, 60, 99, 100, 4_900, 250_000);

        Assert.Equal(0, histogram.CountBelow(TimeSpan.Zero));
        Assert.Equal(1, histogram.CountBelow(TimeSpan.FromMicroseconds(50)));
        Assert.Equal(3, histogram.CountBelow(TimeSpan.FromMicroseconds(100)));
        Assert.Equal(3, histogram.CountBelow(TimeSpan.FromMicroseconds(149)));
        Assert.Equal(4, histogram.CountBelow(TimeSpan.FromMicroseconds(150)));
        Assert.Equal(5, histogram.CountBelow(TimeSpan.FromMilliseconds(5)));
        Assert.Equal(5, histogram.CountBelow(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(6, histogram.CountBelow(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_estimated_total_takes_each_tick_at_the_middle_of_its_bucket()
    {
        var histogram = Recorded(10, 60, 1_020);

        Assert.Equal(TimeSpan.FromMicroseconds(25 + 75 + 1_025), histogram.EstimatedTotal());
        Assert.Equal(TimeSpan.Zero, new LatenessHistogram().EstimatedTotal());
    }

    private static LatenessHistogram Recorded(params int[] microseconds)
    {
        var histogram = new LatenessHistogram();
        foreach (var value in microseconds)
        {
            histogram.Record(TimeSpan.FromMicroseconds(value));
        }

        return histogram;
    }
}
