using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public class RtpPortAllocatorTests
{
    [Theory]
    [InlineData("10000-20000", 10000, 20000, 5000)]
    [InlineData("10001-10004", 10002, 10004, 1)]
    [InlineData(" 30000 - 30001 ", 30000, 30001, 1)]
    public void Ranges_are_read_from_configuration_text(string text, int first, int last, int pairs)
    {
        var range = RtpPortRange.Parse(text, out var error);

        Assert.Null(error);
        Assert.Equal(new RtpPortRange(first, last), range);
        Assert.Equal(pairs, range!.PairCount);
    }

    [Theory]
    [InlineData("10000", "not a port range")]
    [InlineData("a-b", "not a port range")]
    [InlineData("20000-10000", "first < last")]
    [InlineData("80-1000", "1024 <= first")]
    [InlineData("10001-10002", "no even/odd port pair")]
    public void Bad_ranges_are_refused_with_a_reason(string text, string reason)
    {
        Assert.Null(RtpPortRange.Parse(text, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairs_are_bound_until_the_range_is_used_up_and_come_back_when_released()
    {
        var (allocator, range) = LoopbackPorts.Allocator();
        var taken = new List<RtpPorts>();
        try
        {
            while (taken.Count < range.PairCount)
            {
                taken.Add(allocator.Allocate());
            }

            Assert.All(taken, p => Assert.Equal(p.RtpPort + 1, ((IPEndPoint)p.Rtcp.LocalEndPoint!).Port));
            Assert.All(taken, p => Assert.Equal(0, p.RtpPort % 2));
            var exhausted = Assert.Throws<InvalidOperationException>(allocator.Allocate);
            Assert.Contains($"{range.First}-{range.Last}", exhausted.Message, StringComparison.Ordinal);

            var released = taken[0].RtpPort;
            taken[0].Dispose();
            taken[0].Dispose();
            taken[0] = allocator.Allocate();
            Assert.Equal(released, taken[0].RtpPort);
        }
        finally
        {
            taken.ForEach(p => p.Dispose());
        }

        Assert.Equal(range.PairCount, allocator.Available);
    }

    [Fact]
    public void A_pair_held_by_another_program_is_skipped_not_lost()
    {
        var (allocator, range) = LoopbackPorts.Allocator();
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, range.First + 1));

        using var ports = allocator.Allocate();

        Assert.NotEqual(range.First, ports.RtpPort);
        Assert.Equal(range.PairCount - 1, allocator.Available);
    }
}
