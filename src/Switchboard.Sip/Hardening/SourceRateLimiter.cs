using System.Collections.Concurrent;
using System.Net;

namespace Switchboard.Sip.Hardening;

/// <summary>
/// A token bucket per source address: each source may send <see cref="RequestsPerSecond"/> new requests a second with
/// bursts up to <see cref="Burst"/>; past that its requests are dropped. At most <see cref="MaxSources"/> sources are
/// tracked, so a spoofing flood cannot grow memory without bound.
/// </summary>
public sealed class SourceRateLimiter(TimeProvider time, double requestsPerSecond = 50, int burst = 100, int maxSources = 100_000)
{
    private readonly ConcurrentDictionary<IPAddress, Bucket> _buckets = new();

    /// <summary>Sustained rate allowed per source.</summary>
    public double RequestsPerSecond { get; } = requestsPerSecond;

    /// <summary>Largest burst allowed per source.</summary>
    public int Burst { get; } = burst;

    /// <summary>Most sources tracked at once.</summary>
    public int MaxSources { get; } = maxSources;

    /// <summary>Takes a token for <paramref name="source"/>; false means the request should be dropped.</summary>
    public bool TryAcquire(IPAddress source)
    {
        var now = time.GetTimestamp();
        if (_buckets.Count >= MaxSources && !_buckets.ContainsKey(source))
        {
            Prune(now);
            if (_buckets.Count >= MaxSources)
            {
                return false;
            }
        }

        var bucket = _buckets.GetOrAdd(source, _ => new Bucket(Burst, now));
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Updated, now).TotalSeconds;
            bucket.Tokens = Math.Min(Burst, bucket.Tokens + (elapsed * RequestsPerSecond));
            bucket.Updated = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens--;
            return true;
        }
    }

    /// <summary>Forgets sources whose bucket has refilled (they have been quiet long enough).</summary>
    private void Prune(long now)
    {
        foreach (var (address, bucket) in _buckets)
        {
            if (bucket.Tokens + (time.GetElapsedTime(bucket.Updated, now).TotalSeconds * RequestsPerSecond) >= Burst)
            {
                _buckets.TryRemove(address, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, long updated)
    {
        public double Tokens { get; set; } = tokens;

        public long Updated { get; set; } = updated;
    }
}
