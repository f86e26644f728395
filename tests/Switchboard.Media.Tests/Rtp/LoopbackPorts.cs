using System.Net;
using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

/// <summary>Port allocators over a small free stretch of loopback ports, so tests can run beside each other and other programs.</summary>
internal static class LoopbackPorts
{
    public static (RtpPortAllocator Allocator, RtpPortRange Range) Allocator(int pairs = 3, IPAddress? address = null)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = 2 * Random.Shared.Next(10000, 30000);
            var range = new RtpPortRange(first, first + (2 * pairs) - 1);
            var allocator = new RtpPortAllocator(range, address ?? IPAddress.Loopback);
            var probe = new List<RtpPorts>();
            try
            {
                for (var i = 0; i < range.PairCount; i++)
                {
                    probe.Add(allocator.Allocate());
                }

                return (allocator, range);
            }
            catch (InvalidOperationException)
            {
            }
            finally
            {
                probe.ForEach(p => p.Dispose());
            }
        }

        throw new InvalidOperationException("no free port stretch found");
    }
}
