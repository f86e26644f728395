using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Torture;

/// <summary>A TCP-only user agent of the stack, refusing INVITEs with 404 as the server does until apps are connected.</summary>
public sealed class TortureAgents : IAsyncLifetime
{
    public SipUserAgent Tcp { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Tcp = TestAgent.Start(new RejectingRequestHandler(404), "tcp:127.0.0.1:0", tcp: new TcpOptions { IdleTimeout = TimeSpan.FromSeconds(1) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Tcp.DisposeAsync();
}

public sealed class TortureOverTransportTests(TortureAgents agents) : IClassFixture<TortureAgents>
{
    private static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SilenceWait = TimeSpan.FromMilliseconds(400);

    [TortureTheory]
    [MemberData(nameof(TortureMessages.Names), MemberType = typeof(TortureMessages))]
    public async Task Over_udp_each_message_is_answered_as_rfc4475_says(string name)
    {
        // A fresh agent per message: several RFC 4475 messages reuse one Via branch and sent-by, which over UDP
        // would rightly make the later one a retransmission of the earlier one for 32 s.
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404));
        await using var client = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await client.SendAsync(TortureMessages.Read(name));

        var expected = TortureMessages.Expected[name].Udp;
        if (expected == TortureMessages.Discard)
        {
            Assert.Null(await client.ReceiveAsync(SilenceWait));
        }
        else
        {
            AssertAnswer(name, expected, await client.ReceiveFinalAsync(AnswerWait));
        }

        await AssertStillServingAsync(client);
    }

    [TortureTheory]
    [MemberData(nameof(TortureMessages.Names), MemberType = typeof(TortureMessages))]
    public async Task Over_tcp_each_message_is_answered_as_rfc4475_says(string name)
    {
        var server = agents.Tcp.Transports[0].LocalEndPoint;
        await using var client = await SipTestClient.TcpAsync(server);

        await client.SendAsync(TortureMessages.Read(name));

        var expected = TortureMessages.Expected[name].Tcp;
        if (expected == TortureMessages.Close)
        {
            Assert.True(await client.ClosedWithinAsync(TimeSpan.FromSeconds(5)), $"{name}: the connection should be closed");
            await using var next = await SipTestClient.TcpAsync(server);
            await AssertStillServingAsync(next);
            return;
        }

        if (expected == TortureMessages.Discard)
        {
            Assert.Null(await client.ReceiveAsync(SilenceWait));
        }
        else
        {
            AssertAnswer(name, expected, await client.ReceiveFinalAsync(AnswerWait));
        }

        if (name is not "inv2543" and not "dblreq")
        {
            await AssertStillServingAsync(client);
        }
    }

    private static void AssertAnswer(string name, int expected, SipResponse? response)
    {
        Assert.True(response is not null, $"{name}: no answer, expected {expected}");
        Assert.True(expected == response.StatusCode, $"{name}: got {response.StatusCode} {response.Reason}, expected {expected}");
        switch (expected)
        {
            case 405:
                Assert.Contains(SipMethods.Invite, response.Headers.Get(HeaderNames.Allow), StringComparison.Ordinal);
                break;
            case 415 or 406:
                Assert.Equal("application/sdp, application/dtmf-relay, application/dtmf, message/sipfrag", response.Headers.Get(HeaderNames.Accept));
                break;
            case 420:
                Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.Headers.Get(HeaderNames.Unsupported));
                break;
        }
    }

    private static async Task AssertStillServingAsync(SipTestClient client)
    {
        var options = Wire.Options.Replace("branch=z9hG4bKopt1", $"branch=z9hG4bK{Guid.NewGuid():N}", StringComparison.Ordinal);
        await client.SendAsync(Wire.Bytes(options));

        // Over UDP the INVITE's final response is retransmitted (Timer G) until an ACK the test never sends: skip those.
        var deadline = DateTime.UtcNow + AnswerWait;
        SipResponse? response;
        do
        {
            response = await client.ReceiveFinalAsync(deadline - DateTime.UtcNow);
        }
        while (response is { CSeq.Method: not SipMethods.Options } && DateTime.UtcNow < deadline);

        Assert.Equal(200, response?.StatusCode);
    }
}
