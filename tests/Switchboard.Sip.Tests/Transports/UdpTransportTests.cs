using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Tests.Transports;

public sealed class UdpTransportTests
{
    [Fact]
    public async Task The_socket_gets_a_receive_buffer_as_large_as_the_system_allows_up_to_4_MiB()
    {
        await using var udp = new UdpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, NullLogger.Instance);
        var allowed = OperatingSystem.IsLinux()
            ? int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), CultureInfo.InvariantCulture)
            : UdpTransport.ReceiveBufferRequest;

        Assert.True(udp.ReceiveBufferBytes >= Math.Min(UdpTransport.ReceiveBufferRequest, allowed), $"granted {udp.ReceiveBufferBytes} bytes, the system allows {allowed}");
    }
}
