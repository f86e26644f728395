using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Transactions;

public sealed class TransactionCapTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Requests_over_the_cap_get_503_with_retry_after_a_cancel_still_gets_through_and_the_count_returns_to_zero()
    {
        var clock = new ManualClock();
        var handler = new ScriptedHandler(_ => Task.CompletedTask);
        await using var agent = TestAgent.Start(handler, time: clock, configure: o => o with { TransactionLimits = new TransactionLimits { MaxTransactions = 2 } });
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKcap1", "cap-1")));
        Assert.Equal(100, ((SipResponse)(await peer.ReceiveAsync(Wait))!).StatusCode);
        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKcap2", "cap-2")));
        Assert.Equal(100, ((SipResponse)(await peer.ReceiveAsync(Wait))!).StatusCode);
        Assert.Equal(2, agent.Transactions.LiveCount);

        await peer.SendAsync(Wire.Bytes(Wire.Invite("z9hG4bKcap3", "cap-3")));
        var busy = (SipResponse)(await peer.ReceiveAsync(Wait))!;
        await peer.SendAsync(Wire.Bytes(Wire.Options));
        var optionsBusy = (SipResponse)(await peer.ReceiveAsync(Wait))!;

        Assert.Equal(503, busy.StatusCode);
        Assert.Equal("5", busy.Headers.Get(HeaderNames.RetryAfter));
        Assert.NotNull(busy.To!.Tag);
        Assert.Equal(503, optionsBusy.StatusCode);
        Assert.Equal(2, handler.Received.Count);

        await peer.SendAsync(Wire.Bytes(Wire.Cancel("z9hG4bKcap1", "cap-1")));
        var answers = new[] { (SipResponse)(await peer.ReceiveAsync(Wait))!, (SipResponse)(await peer.ReceiveAsync(Wait))! };
        Assert.Equal([200, 487], answers.Select(a => a.StatusCode).Order());

        clock.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(100);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, agent.Transactions.LiveCount);
        Assert.Equal(0, agent.Transactions.ServerCount);
    }

    [Fact]
    public async Task A_request_this_side_sends_over_the_cap_fails_at_once_with_a_local_503_and_sends_nothing()
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), time: new ManualClock(), configure: o => o with { TransactionLimits = new TransactionLimits { MaxTransactions = 1 } });
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var destination = new SipDestination(SipTransportProtocol.Udp, (IPEndPoint)silent.Client.LocalEndPoint!);

        var first = agent.SendRequest(Options("cap-c1", destination), destination);
        var second = agent.SendRequest(Options("cap-c2", destination), destination);

        Assert.False(first.FinalResponse.IsCompleted);
        Assert.True(second.FinalResponse.IsCompleted);
        Assert.Equal(503, (await second.FinalResponse).StatusCode);
        Assert.Equal(1, agent.Transactions.LiveCount);
        var received = await silent.ReceiveAsync().WaitAsync(Wait);
        Assert.Contains("cap-c1", System.Text.Encoding.ASCII.GetString(received.Buffer), StringComparison.Ordinal);
        using var more = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await silent.ReceiveAsync(more.Token));
    }

    [Fact]
    public async Task An_invite_answered_by_more_forks_than_the_cap_keeps_only_that_many_dialogs()
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404));
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
        var target = new SipDestination(SipTransportProtocol.Udp, peer.LocalEndPoint);
        var call = agent.InviteAsync(TestUac.Invite(agent, target, "bob"), target);
        var invite = Assert.IsType<SipRequest>(await peer.ReceiveAsync(Wait));

        for (var fork = 0; fork < SipUserAgent.MaxForks * 2; fork++)
        {
            var ok = SipResponse.For(invite, 200, toTag: $"fork{fork}");
            ok.Headers.Add(HeaderNames.Contact, $"<sip:bob@{peer.LocalEndPoint}>");
            await peer.SendAsync(SipMessageWriter.ToBytes(ok));
        }

        var acks = 0;
        while (await peer.ReceiveAsync(TimeSpan.FromMilliseconds(300)) is SipRequest request)
        {
            acks += request.Method == SipMethods.Ack ? 1 : 0;
        }

        Assert.Equal(200, (await call.WaitAsync(Wait)).Response.StatusCode);
        Assert.Equal(SipUserAgent.MaxForks, acks);
        Assert.Equal(1, agent.Dialogs.Count);
    }

    private static SipRequest Options(string callId, SipDestination destination)
    {
        var options = new SipRequest(SipMethods.Options, AddressUri.Parse($"sip:{destination.EndPoint}"));
        options.Headers.Add(HeaderNames.From, "<sip:switchboard@127.0.0.1>;tag=c");
        options.Headers.Add(HeaderNames.To, $"<sip:{destination.EndPoint}>");
        options.Headers.Add(HeaderNames.CallId, callId);
        options.Headers.Add(HeaderNames.CSeq, "1 OPTIONS");
        return options;
    }
}
