using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Tests.Transports;

public sealed class ResponseRoutingTests
{
    public static TheoryData<string, bool, string> Rules => new()
    {
        { "SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;rport=40000;received=198.51.100.7", false, "198.51.100.7:40000" },
        { "SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;received=198.51.100.7", false, "198.51.100.7:5070" },
        { "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1;received=198.51.100.7", false, "198.51.100.7:5060" },
        { "SIP/2.0/UDP 198.51.100.7:5070;branch=z9hG4bK1", false, "198.51.100.7:5070" },
        { "SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK1;received=198.51.100.7", true, "198.51.100.7:41000" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Udp_responses_follow_received_rport_and_sent_by_as_rfc3261_18_2_2_and_rfc3581_say(string via, bool symmetric, string expected)
    {
        await using var udp = new UdpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, NullLogger.Instance);
        var layer = new SipTransportLayer([udp], new SipTransportOptions { SymmetricResponses = symmetric }, NullLogger.Instance);
        var vias = new List<Via>();
        Via.TryParseList(via, vias, out _);

        var target = layer.ResponseTarget(vias[0], new SipSource(udp, IPEndPoint.Parse("198.51.100.7:41000")));

        Assert.Equal(IPEndPoint.Parse(expected), target);
    }

    [Fact]
    public async Task An_arriving_request_gets_received_and_rport_filled_in_on_its_top_via()
    {
        var handler = new ScriptedHandler(r =>
        {
            r.Respond(200);
            return Task.CompletedTask;
        }, SipMethods.Bye);
        await using var agent = TestAgent.Start(handler);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Options.Replace("OPTIONS", "BYE", StringComparison.Ordinal).Replace("branch=z9hG4bKopt1", "branch=z9hG4bKrp;rport", StringComparison.Ordinal)));

        var response = await peer.ReceiveFinalAsync(TimeSpan.FromSeconds(2));
        var top = handler.Received.Single().Request.TopVia!;
        Assert.Equal("127.0.0.1", top.Received);
        Assert.Equal(peer.LocalEndPoint.Port, top.Rport);
        Assert.Equal(peer.LocalEndPoint.Port, response!.TopVia!.Rport);
    }

    [Theory]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKs1;rport", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKs1;rport=41000;received=198.51.100.7")]
    [InlineData("Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKs1;x=\"a,b\", SIP/2.0/TCP proxy.example.com;branch=z9hG4bKp\nVia: SIP/2.0/UDP last.example.com;branch=z9hG4bKl",
        "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKs1;x=\"a,b\";received=198.51.100.7, SIP/2.0/TCP proxy.example.com;branch=z9hG4bKp")]
    public async Task Stamping_rewrites_only_the_first_via_line_and_keeps_the_parsed_known_headers(string vias, string stamped)
    {
        await using var udp = new UdpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, NullLogger.Instance);
        var bytes = Wire.Bytes(Wire.Options.Replace("Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKopt1", vias, StringComparison.Ordinal));
        var request = (SipRequest)SipMessageParser.Parse(bytes, SipFraming.Datagram).Message!;
        var known = request.Known;

        SipTransportLayer.StampVia(request, new SipSource(udp, IPEndPoint.Parse("198.51.100.7:41000")));

        Assert.Same(known, request.Known);
        Assert.Equal(stamped, request.Headers.Get(HeaderNames.Via));
        Assert.Equal("198.51.100.7", request.TopVia!.Received);
        Assert.Equal(vias.Contains("last", StringComparison.Ordinal) ? 3 : 1, request.Known.Vias.Count);
        var reparsed = new List<Via>();
        Assert.True(Via.TryParseList(request.Headers.Get(HeaderNames.Via)!, reparsed, out _));
        Assert.Equal(request.TopVia.ToString(), reparsed[0].ToString());
    }
}
