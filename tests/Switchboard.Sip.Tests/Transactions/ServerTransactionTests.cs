using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class ServerTransactionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task An_invite_gets_100_trying_at_once_and_a_retransmitted_invite_gets_the_last_provisional_again()
    {
        var clock = new ManualClock();
        var handler = new ScriptedHandler(r =>
        {
            r.Respond(180);
            return Task.CompletedTask;
        });
        await using var agent = TestAgent.Start(handler, time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
        var invite = Wire.Bytes(Wire.Invite("z9hG4bKinv1", "c-inv-1"));

        await peer.SendAsync(invite);
        Assert.Equal(100, Status(await peer.ReceiveAsync(Wait)));
        Assert.Equal(180, Status(await peer.ReceiveAsync(Wait)));
        await peer.SendAsync(invite);

        Assert.Equal(180, Status(await peer.ReceiveAsync(Wait)));
        Assert.Single(handler.Received);
    }

    [Theory]
    [InlineData("udp:127.0.0.1:0")]
    [InlineData("tcp:127.0.0.1:0")]
    public async Task The_100_trying_leaves_as_the_invite_arrives_before_the_handler_answers_and_with_no_timer_run(string listen)
    {
        var clock = new ManualClock();
        var answer = new TaskCompletionSource();
        await using var agent = TestAgent.Start(new ScriptedHandler(_ => answer.Task), listen, clock);
        var server = agent.Transports[0].LocalEndPoint;
        await using var peer = listen.StartsWith("udp", StringComparison.Ordinal) ? SipTestClient.Udp(server) : await SipTestClient.TcpAsync(server);
        var via = listen.StartsWith("udp", StringComparison.Ordinal) ? "SIP/2.0/UDP 192.0.2.1:5060" : "SIP/2.0/TCP 192.0.2.1:5060";

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKtry1", "c-try-1", via)));

        var trying = (SipResponse)(await peer.ReceiveAsync(Wait))!;
        Assert.Equal(100, trying.StatusCode);
        Assert.Null(trying.To!.Tag);
        Assert.Null(await peer.ReceiveAsync(Quiet));
        answer.SetResult();
    }

    [Fact]
    public async Task A_non_2xx_final_is_repeated_by_timer_g_until_the_ack_and_the_transaction_then_ends()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new ScriptedHandler(r =>
        {
            r.Respond(486);
            return Task.CompletedTask;
        }), time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKinv2", "c-inv-2")));
        var busy = (SipResponse)(await peer.ReceiveFinalAsync(Wait))!;
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(486, Status(await peer.ReceiveAsync(Wait)));
        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(486, Status(await peer.ReceiveAsync(Wait)));

        await peer.SendAsync(Wire.Bytes(Wire.Ack("z9hG4bKinv2", "c-inv-2", busy.To!.Tag!)));
        await Task.Delay(Quiet);
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Null(await peer.ReceiveAsync(Quiet));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, agent.Transactions.ServerCount);
    }

    [Fact]
    public async Task Without_an_ack_timer_h_ends_the_transaction_so_nothing_leaks()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new ScriptedHandler(r =>
        {
            r.Respond(404);
            return Task.CompletedTask;
        }), time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKinv3", "c-inv-3")));
        await peer.ReceiveFinalAsync(Wait);
        Assert.Equal(1, agent.Transactions.ServerCount);

        clock.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(0, agent.Transactions.ServerCount);
    }

    [Fact]
    public async Task A_retransmitted_non_invite_is_absorbed_and_answered_with_the_same_response()
    {
        var clock = new ManualClock();
        var handler = new ScriptedHandler(r =>
        {
            r.Respond(200);
            return Task.CompletedTask;
        }, SipMethods.Bye);
        await using var agent = TestAgent.Start(handler, time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
        var bye = Wire.Bytes(Wire.Options.Replace("OPTIONS", "BYE", StringComparison.Ordinal));

        await peer.SendAsync(bye);
        var first = (SipResponse)(await peer.ReceiveAsync(Wait))!;
        await peer.SendAsync(bye);
        var again = (SipResponse)(await peer.ReceiveAsync(Wait))!;

        Assert.Single(handler.Received);
        Assert.Equal(first.To!.Tag, again.To!.Tag);
        clock.Advance(TimeSpan.FromSeconds(32));
        Assert.Equal(0, agent.Transactions.ServerCount);
    }

    [Fact]
    public async Task Cancel_before_the_answer_gets_200_and_the_invite_487_and_the_handler_sees_the_cancellation()
    {
        var cancelled = new TaskCompletionSource();
        var handler = new ScriptedHandler(async r =>
        {
            r.Respond(180);
            await Task.Delay(Timeout.Infinite, r.Cancelled).ContinueWith(_ => cancelled.TrySetResult(), TaskScheduler.Default);
        });
        await using var agent = TestAgent.Start(handler);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKcan1", "c-can-1")));
        Assert.Equal(100, Status(await peer.ReceiveAsync(Wait)));
        Assert.Equal(180, Status(await peer.ReceiveAsync(Wait)));
        await peer.SendAsync(Wire.Bytes(Wire.Cancel("z9hG4bKcan1", "c-can-1")));

        var answers = new[] { await peer.ReceiveAsync(Wait), await peer.ReceiveAsync(Wait) }.Cast<SipResponse>().ToList();
        Assert.Contains(answers, r => r.StatusCode == 200 && r.CSeq!.Method == SipMethods.Cancel);
        Assert.Contains(answers, r => r.StatusCode == 487 && r.CSeq!.Method == SipMethods.Invite);
        Assert.True(handler.Received.Single().IsCancelled);
        await cancelled.Task.WaitAsync(Wait);
    }

    [Fact]
    public async Task A_cancel_that_matches_nothing_gets_481()
    {
        await using var agent = TestAgent.Start(new ScriptedHandler(_ => Task.CompletedTask));
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Cancel("z9hG4bKnothing", "c-none")));

        Assert.Equal(481, Status(await peer.ReceiveAsync(Wait)));
    }

    [Fact]
    public async Task A_2xx_to_invite_is_repeated_by_the_core_until_the_ack_arrives()
    {
        var clock = new ManualClock();
        var handler = new ScriptedHandler(r =>
        {
            r.Respond(200);
            return Task.CompletedTask;
        });
        await using var agent = TestAgent.Start(handler, time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKok1", "c-ok-1")));
        var ok = (SipResponse)(await peer.ReceiveFinalAsync(Wait))!;
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(200, Status(await peer.ReceiveAsync(Wait)));
        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(200, Status(await peer.ReceiveAsync(Wait)));

        await peer.SendAsync(Wire.Bytes(Wire.Ack("z9hG4bKack-new-branch", "c-ok-1", ok.To!.Tag!)));
        var ack = await handler.Received.Single().Acknowledged.WaitAsync(Wait);
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.Equal(SipMethods.Ack, ack!.Method);
        Assert.Null(await peer.ReceiveAsync(Quiet));
    }

    [Fact]
    public async Task A_handler_that_throws_produces_a_500_rather_than_silence()
    {
        await using var agent = TestAgent.Start(new ScriptedHandler(_ => throw new InvalidOperationException("boom")));
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKboom", "c-boom")));

        Assert.Equal(500, Status(await peer.ReceiveFinalAsync(Wait)));
    }

    private static int? Status(SipMessage? message) => (message as SipResponse)?.StatusCode;
}
