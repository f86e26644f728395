namespace Switchboard.Media.Clock;

/// <summary>How late the clock's ticks ran, in 50 µs buckets up to 100 ms: for monitoring and the media-clock benchmark.</summary>
public sealed class LatenessHistogram
{
    private const double BucketMicroseconds = 50;
    private readonly long[] _buckets = new long[2001];
    private long _count;

    /// <summary>Ticks recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one tick's lateness.</summary>
    public void Record(TimeSpan lateness)
    {
        var bucket = (int)Math.Clamp(lateness.TotalMicroseconds / BucketMicroseconds, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The lateness not exceeded by <paramref name="fraction"/> of ticks (0.99 for p99), to the bucket's upper edge.</summary>
    public TimeSpan Percentile(double fraction)
    {
        var target = (long)Math.Ceiling(Count * fraction);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= target && seen > 0)
            {
                return TimeSpan.FromMicroseconds((i + 1) * BucketMicroseconds);
            }
        }

        return TimeSpan.Zero;
    }

    /// <summary>Ticks less late than <paramref name="bound"/>: the cumulative count of a Prometheus <c>le</c> bucket. Exact for
    /// bounds on the 50 µs grid up to 100 ms; another bound is rounded down to the grid, and one past 100 ms counts every tick.</summary>
    public long CountBelow(TimeSpan bound)
    {
        var edges = (int)Math.Clamp(bound.TotalMicroseconds / BucketMicroseconds, 0, _buckets.Length);
        long seen = 0;
        for (var i = 0; i < edges; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
        }

        return seen;
    }

    /// <summary>The total lateness of all ticks, estimated from the middle of each one's bucket (within 25 µs a tick; ticks
    /// 100 ms late or more count as about 100 ms): the <c>_sum</c> a Prometheus histogram carries.</summary>
    public TimeSpan EstimatedTotal()
    {
        double microseconds = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            microseconds += Interlocked.Read(ref _buckets[i]) * (i + 0.5) * BucketMicroseconds;
        }

        return TimeSpan.FromMicroseconds(microseconds);
    }

    /// <summary>Forgets everything recorded (after a warm-up).</summary>
    public void Reset()
    {
        Array.Clear(_buckets);
        Interlocked.Exchange(ref _count, 0);
    }
}
