using System.Net;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Dialogs;

/// <summary>The dialog paths that depend on timers, against a raw peer on a manual clock.</summary>
public sealed class DialogTimerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_2xx_repeated_by_the_callee_is_acked_again_inside_the_transaction_and_after_it_ended()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
        var target = new SipDestination(SipTransportProtocol.Udp, peer.LocalEndPoint);

        var call = agent.InviteAsync(TestUac.Invite(agent, target, "peer"), target);
        var invite = (SipRequest)(await peer.ReceiveAsync(Wait))!;
        var ok = SipResponse.For(invite, 200, toTag: "p1");
        ok.Headers.Add(HeaderNames.Contact, $"<sip:peer@{peer.LocalEndPoint}>");
        var okBytes = SipMessageWriter.ToBytes(ok);
        await peer.SendAsync(okBytes);

        var first = await ReceiveAckAsync(peer);
        var dialog = (await call.WaitAsync(Wait)).Dialog!;
        await peer.SendAsync(okBytes);
        var second = await ReceiveAckAsync(peer);
        clock.Advance(TimeSpan.FromSeconds(33));
        await peer.SendAsync(okBytes);
        var late = await ReceiveAckAsync(peer);

        Assert.Equal("p1", first.To!.Tag);
        Assert.Equal(first.CSeq, second.CSeq);
        Assert.Equal(first.CSeq, late.CSeq);
        Assert.NotEqual(invite.TopVia!.Branch, first.TopVia!.Branch);
        Assert.Equal(0, agent.Transactions.ClientCount);
        Assert.False(dialog.IsEnded);
    }

    [Fact]
    public async Task A_2xx_never_acknowledged_ends_the_dialog_with_a_bye_after_64_t1()
    {
        var clock = new ManualClock();
        var answered = new TaskCompletionSource<Dialog>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var agent = TestAgent.Start(
            new ScriptedHandler(request =>
            {
                answered.SetResult(request.Answer(request.CreateResponse(200), null));
                return Task.CompletedTask;
            }, SipMethods.Invite),
            time: clock);
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
        await peer.SendAsync(Wire.Bytes(InviteFrom(peer.LocalEndPoint)));
        var dialog = await answered.Task.WaitAsync(Wait);
        Assert.Equal(1, agent.Dialogs.Count);

        clock.Advance(TimeSpan.FromSeconds(32));

        Assert.Equal(DialogEndReason.NoAck, await dialog.Ended.WaitAsync(Wait));
        Assert.Equal(0, agent.Dialogs.Count);
        SipRequest? bye = null;
        while (bye is null && await peer.ReceiveAsync(Wait) is { } message)
        {
            bye = message as SipRequest;
        }

        Assert.Equal(SipMethods.Bye, bye?.Method);
        Assert.Equal(dialog.CallId, bye!.CallId);
    }

    private static async Task<SipRequest> ReceiveAckAsync(SipTestClient peer)
    {
        var ack = Assert.IsType<SipRequest>(await peer.ReceiveAsync(Wait));
        Assert.Equal(SipMethods.Ack, ack.Method);
        return ack;
    }

    private static string InviteFrom(IPEndPoint peer) => $"""
        INVITE sip:alice@127.0.0.1 SIP/2.0
        Via: SIP/2.0/UDP {peer};branch=z9hG4bKnoack1
        Max-Forwards: 70
        From: <sip:bob@127.0.0.1>;tag=b1
        To: <sip:alice@127.0.0.1>
        Call-ID: no-ack-1
        CSeq: 1 INVITE
        Contact: <sip:bob@{peer}>
        Content-Length: 0


        """;
}
