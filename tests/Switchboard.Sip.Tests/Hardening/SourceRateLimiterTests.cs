using System.Net;
using Switchboard.Sip.Hardening;
using Switchboard.Sip.Tests.TestPeers;

namespace Switchboard.Sip.Tests.Hardening;

public sealed class SourceRateLimiterTests
{
    private static readonly IPAddress Source = IPAddress.Parse("198.51.100.7");

    [Fact]
    public void A_source_gets_its_burst_then_its_rate_and_others_are_not_affected()
    {
        var clock = new ManualClock();
        var limiter = new SourceRateLimiter(clock, requestsPerSecond: 10, burst: 5);

        Assert.Equal(5, Enumerable.Range(0, 20).Count(_ => limiter.TryAcquire(Source)));
        Assert.True(limiter.TryAcquire(IPAddress.Parse("198.51.100.8")));
        clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(3, Enumerable.Range(0, 20).Count(_ => limiter.TryAcquire(Source)));
    }

    [Fact]
    public void The_number_of_tracked_sources_is_bounded()
    {
        var clock = new ManualClock();
        var limiter = new SourceRateLimiter(clock, requestsPerSecond: 1, burst: 2, maxSources: 100);

        var admitted = Enumerable.Range(0, 1000).Count(i => limiter.TryAcquire(new IPAddress(0x0A000000 + i)));
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(100, admitted);
        Assert.True(limiter.TryAcquire(IPAddress.Parse("192.0.2.200")));
    }
}
