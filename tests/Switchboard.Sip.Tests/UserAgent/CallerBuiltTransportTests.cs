using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

public sealed class CallerBuiltTransportTests
{
    [Fact]
    public async Task A_user_agent_started_over_a_transport_it_was_handed_serves_through_it_and_releases_it_when_stopped()
    {
        var udp = new UdpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, NullLogger.Instance);
        var port = udp.LocalEndPoint.Port;
        var agent = SipUserAgent.Start(new SipUserAgentOptions(), [udp], new RejectingRequestHandler(404), TimeProvider.System, NullLoggerFactory.Instance);
        await using (var peer = SipTestClient.Udp(udp.LocalEndPoint))
        {
            await peer.SendAsync(Wire.Bytes(Wire.Options));

            Assert.Same(udp, Assert.Single(agent.Transports));
            Assert.Equal(200, (await peer.ReceiveFinalAsync(TimeSpan.FromSeconds(5)))?.StatusCode);
        }

        await agent.DisposeAsync();

        using var rebound = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
        Assert.Equal(port, ((IPEndPoint)rebound.Client.LocalEndPoint!).Port);
    }
}
