using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Transports;

public sealed class LocalAddressTests
{
    [Theory]
    [InlineData("udp:0.0.0.0:0", "127.0.0.1")]
    [InlineData("udp:[::]:0", "::1")]
    [InlineData("tcp:0.0.0.0:0", "127.0.0.1")]
    public async Task Listening_on_an_any_address_the_via_and_contact_show_the_address_that_reaches_the_peer(string listen, string peerAddress)
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), listen);
        var address = IPAddress.Parse(peerAddress);
        var protocol = agent.Transports[0].Protocol;
        using var peer = protocol == SipTransportProtocol.Udp ? new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp) : new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        peer.Bind(new IPEndPoint(address, 0));
        if (protocol == SipTransportProtocol.Tcp)
        {
            peer.Listen();
        }

        var destination = new SipDestination(protocol, (IPEndPoint)peer.LocalEndPoint!);
        var options = new SipRequest(SipMethods.Options, AddressUri.Parse($"sip:{new HostPort(peerAddress, destination.EndPoint.Port)}"));
        options.Headers.Add(HeaderNames.From, "<sip:switchboard@example.com>;tag=1");
        options.Headers.Add(HeaderNames.To, "<sip:peer@example.com>");
        options.Headers.Add(HeaderNames.CallId, "local-address");
        options.Headers.Add(HeaderNames.CSeq, "1 OPTIONS");

        var transaction = agent.SendRequest(options, destination);
        var contact = agent.ContactFor(destination, "switchboard");

        Assert.Equal(peerAddress, transaction.Request.TopVia!.SentBy.Host);
        Assert.Equal(peerAddress, contact.Host.Host);
        Assert.Equal(agent.Transports[0].LocalEndPoint.Port, contact.Host.Port);
        Assert.NotEqual("0.0.0.0", agent.ContactFor(agent.Transports[0], null).Host.Host);
        Assert.NotEqual("::", agent.ContactFor(agent.Transports[0], null).Host.Host);
    }

    [Fact]
    public void The_route_is_probed_once_per_peer_address_and_a_bound_address_is_used_as_it_is()
    {
        var probes = new List<IPAddress>();
        var cache = new LocalAddressCache(peer =>
        {
            probes.Add(peer);
            return IPAddress.Parse("192.0.2.50");
        });
        var peerA = IPAddress.Parse("198.51.100.1");
        var peerB = IPAddress.Parse("198.51.100.2");

        Assert.Equal(IPAddress.Parse("192.0.2.50"), cache.For(IPAddress.Any, peerA));
        Assert.Equal(IPAddress.Parse("192.0.2.50"), cache.For(IPAddress.Any, peerA));
        cache.For(IPAddress.Any, peerB);
        Assert.Equal(IPAddress.Parse("10.1.1.1"), cache.For(IPAddress.Parse("10.1.1.1"), peerA));

        Assert.Equal([peerA, peerB], probes);
    }

    [Fact]
    public void The_cache_starts_over_when_it_holds_its_capacity()
    {
        var probes = 0;
        var cache = new LocalAddressCache(_ =>
        {
            probes++;
            return IPAddress.Loopback;
        });

        for (var i = 0; i <= LocalAddressCache.Capacity; i++)
        {
            cache.For(IPAddress.Any, new IPAddress(0x0A000000u + (uint)i));
        }

        cache.For(IPAddress.Any, new IPAddress(0x0A000000u));
        Assert.Equal(LocalAddressCache.Capacity + 2, probes);
    }

    [Fact]
    public void With_no_route_and_no_peer_the_loopback_address_is_advertised_rather_than_the_any_address()
    {
        var cache = new LocalAddressCache(_ => throw new SocketException((int)SocketError.NetworkUnreachable));

        Assert.Equal(IPAddress.Loopback, cache.For(IPAddress.Any, null));
        Assert.Equal(IPAddress.IPv6Loopback, cache.For(IPAddress.IPv6Any, null));
    }
}
