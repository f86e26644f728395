using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class ClientTransactionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task A_non_invite_is_retransmitted_by_timer_e_up_to_t2_and_times_out_with_408_at_timer_f()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        var transaction = agent.SendRequest(Request(SipMethods.Options, "c-e-1"), To(peer));
        Assert.IsType<SipRequest>(await peer.ReceiveAsync(Wait));
        foreach (var interval in new[] { 500, 1000, 2000, 4000, 4000 })
        {
            clock.Advance(TimeSpan.FromMilliseconds(interval - 1));
            Assert.Null(await peer.ReceiveAsync(TimeSpan.FromMilliseconds(50)));
            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.IsType<SipRequest>(await peer.ReceiveAsync(Wait));
        }

        clock.Advance(TimeSpan.FromSeconds(32));

        var final = await transaction.FinalResponse.WaitAsync(Wait);
        Assert.Equal(408, final.StatusCode);
        Assert.Equal(0, agent.Transactions.ClientCount);
    }

    [Fact]
    public async Task A_non_2xx_answer_to_invite_is_acked_inside_the_transaction_and_again_for_each_retransmission()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        var transaction = agent.SendRequest(Request(SipMethods.Invite, "c-ack-1"), To(peer));
        var invite = (SipRequest)(await peer.ReceiveAsync(Wait))!;
        var busy = SipMessageWriter.ToBytes(SipResponse.For(invite, 486, toTag: "peer1"));
        await peer.SendAsync(busy);

        var ack = (SipRequest)(await peer.ReceiveAsync(Wait))!;
        Assert.Equal(SipMethods.Ack, ack.Method);
        Assert.Equal(invite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal("peer1", ack.To!.Tag);
        Assert.Equal(new CSeq(invite.CSeq!.Number, SipMethods.Ack), ack.CSeq);
        Assert.Equal(486, (await transaction.FinalResponse.WaitAsync(Wait)).StatusCode);

        await peer.SendAsync(busy);
        Assert.Equal(SipMethods.Ack, ((SipRequest)(await peer.ReceiveAsync(Wait))!).Method);
        clock.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, agent.Transactions.ClientCount);
    }

    [Fact]
    public async Task Provisional_responses_stop_timer_a_and_a_2xx_is_passed_up_without_an_ack_from_the_transaction()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
        var seen = new List<int>();

        var transaction = agent.SendRequest(Request(SipMethods.Invite, "c-ok-2"), To(peer));
        transaction.ResponseReceived += r => seen.Add(r.StatusCode);
        var invite = (SipRequest)(await peer.ReceiveAsync(Wait))!;
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.IsType<SipRequest>(await peer.ReceiveAsync(Wait));
        await peer.SendAsync(SipMessageWriter.ToBytes(SipResponse.For(invite, 180, toTag: "p2")));
        await Task.Delay(Quiet);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(await peer.ReceiveAsync(Quiet));
        await peer.SendAsync(SipMessageWriter.ToBytes(SipResponse.For(invite, 200, toTag: "p2")));

        Assert.Equal(200, (await transaction.FinalResponse.WaitAsync(Wait)).StatusCode);
        Assert.Null(await peer.ReceiveAsync(Quiet));
        Assert.Equal([180, 200], seen);
    }

    [Fact]
    public async Task Invite_retransmissions_double_without_a_cap_and_stop_at_timer_b()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        var transaction = agent.SendRequest(Request(SipMethods.Invite, "c-a-1"), To(peer));
        await peer.ReceiveAsync(Wait);
        var count = 0;
        foreach (var interval in new[] { 500, 1000, 2000, 4000, 8000, 16000 })
        {
            clock.Advance(TimeSpan.FromMilliseconds(interval));
            count += await peer.ReceiveAsync(Wait) is SipRequest ? 1 : 0;
        }

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(6, count);
        Assert.Equal(408, (await transaction.FinalResponse.WaitAsync(Wait)).StatusCode);
    }

    private static SipDestination To(SipTestClient peer) => new(SipTransportProtocol.Udp, peer.LocalEndPoint);

    private static SipRequest Request(string method, string callId)
    {
        var request = new SipRequest(method, AddressUri.Parse("sip:peer@127.0.0.1"));
        request.Headers.Add(HeaderNames.From, "<sip:me@127.0.0.1>;tag=me1");
        request.Headers.Add(HeaderNames.To, "<sip:peer@127.0.0.1>");
        request.Headers.Add(HeaderNames.CallId, callId);
        request.Headers.Add(HeaderNames.CSeq, $"1 {method}");
        return request;
    }
}
