using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Transports;

public sealed class TcpTransportTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_message_sent_byte_by_byte_is_framed_once_it_is_whole()
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), "tcp:127.0.0.1:0");
        await using var peer = await SipTestClient.TcpAsync(agent.Transports[0].LocalEndPoint);

        foreach (var b in Wire.Bytes(Options("z9hG4bKbytes")))
        {
            await peer.SendAsync([b]);
        }

        Assert.Equal(200, (await peer.ReceiveFinalAsync(Wait))?.StatusCode);
    }

    [Fact]
    public async Task Pipelined_messages_in_one_write_are_each_answered_in_order()
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), "tcp:127.0.0.1:0");
        await using var peer = await SipTestClient.TcpAsync(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync([.. Wire.Bytes(Options("z9hG4bKp1", "1")), .. Wire.Bytes("\r\n\r\n"), .. Wire.Bytes(Options("z9hG4bKp2", "2"))]);

        var first = await peer.ReceiveFinalAsync(Wait);
        var second = await peer.ReceiveFinalAsync(Wait);
        Assert.Equal(["c-1", "c-2"], new[] { first!.CallId!, second!.CallId! });
    }

    [Fact]
    public async Task An_oversized_message_closes_the_connection_instead_of_being_buffered()
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), "tcp:127.0.0.1:0");
        await using var peer = await SipTestClient.TcpAsync(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes("OPTIONS sip:a@b SIP/2.0\nX-Huge: " + new string('x', 40_000)));

        Assert.True(await peer.ClosedWithinAsync(Wait));
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_idle_timeout_on_the_injected_clock()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), "tcp:127.0.0.1:0", clock, new TcpOptions { IdleTimeout = TimeSpan.FromSeconds(30) });
        await using var peer = await SipTestClient.TcpAsync(agent.Transports[0].LocalEndPoint);
        await peer.SendAsync(Wire.Bytes("OPTIONS sip:a@b SIP/2.0\n"));
        await WaitForAsync(() => ((TcpTransport)agent.Transports[0]).ConnectionCount == 1);

        Assert.False(await peer.ClosedWithinAsync(TimeSpan.FromMilliseconds(200)));
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await peer.ClosedWithinAsync(Wait));
    }

    [Theory]
    [InlineData("udp:[::1]:0")]
    [InlineData("tcp:[::1]:0")]
    public async Task Ipv6_loopback_works_on_both_transports(string listen)
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), listen);
        var server = agent.Transports[0].LocalEndPoint;
        await using var peer = listen.StartsWith("udp", StringComparison.Ordinal) ? SipTestClient.Udp(server) : await SipTestClient.TcpAsync(server);

        await peer.SendAsync(Wire.Bytes(Options("z9hG4bKv6").Replace("192.0.2.1:5060", "[2001:db8::1]:5060", StringComparison.Ordinal)));

        var response = await peer.ReceiveFinalAsync(Wait);
        Assert.Equal(200, response?.StatusCode);
        Assert.Equal("::1", response!.TopVia!.Received);
    }

    [Fact]
    public async Task The_stack_opens_a_connection_to_send_a_request_and_reads_the_answer_on_it()
    {
        await using var server = TestAgent.Start(new RejectingRequestHandler(404), "tcp:127.0.0.1:0");
        await using var client = TestAgent.Start(new RejectingRequestHandler(404), "tcp:127.0.0.1:0");
        var request = new SipRequest(SipMethods.Options, AddressUri.Parse("sip:x@127.0.0.1"));
        request.Headers.Add(HeaderNames.From, "<sip:me@127.0.0.1>;tag=1");
        request.Headers.Add(HeaderNames.To, "<sip:x@127.0.0.1>");
        request.Headers.Add(HeaderNames.CallId, "c-out-tcp");
        request.Headers.Add(HeaderNames.CSeq, "1 OPTIONS");

        var transaction = client.SendRequest(request, new SipDestination(SipTransportProtocol.Tcp, server.Transports[0].LocalEndPoint));

        Assert.Equal(200, (await transaction.FinalResponse.WaitAsync(Wait)).StatusCode);
    }

    private static string Options(string branch, string call = "1") =>
        Wire.Options.Replace("z9hG4bKopt1", branch, StringComparison.Ordinal).Replace("opt-1@192.0.2.1", $"c-{call}", StringComparison.Ordinal).Replace("UDP", "TCP", StringComparison.Ordinal);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }
}
