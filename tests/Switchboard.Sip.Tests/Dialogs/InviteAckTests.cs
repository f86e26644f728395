using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Dialogs;

/// <summary>The stack as caller against a raw peer that answers by hand, so every ACK on the wire can be counted.</summary>
public sealed class InviteAckTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_2xx_sent_once_gets_exactly_one_ack()
    {
        // The duplicate came from a race between the response event and the final-response continuation: try it a few times.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await using var agent = TestAgent.Start(new RejectingRequestHandler(404));
            await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
            var target = new SipDestination(SipTransportProtocol.Udp, peer.LocalEndPoint);
            var call = agent.InviteAsync(TestUac.Invite(agent, target, "bob"), target);

            var invite = Assert.IsType<SipRequest>(await peer.ReceiveAsync(Wait));
            var ok = SipResponse.For(invite, 200, toTag: "peer1");
            ok.Headers.Add(HeaderNames.Contact, $"<sip:bob@{peer.LocalEndPoint}>");
            await peer.SendAsync(SipMessageWriter.ToBytes(ok));

            var ack = Assert.IsType<SipRequest>(await peer.ReceiveAsync(Wait));
            Assert.Equal(SipMethods.Ack, ack.Method);
            Assert.Null(await peer.ReceiveAsync(TimeSpan.FromMilliseconds(attempt == 0 ? 300 : 50)));
            Assert.Equal(200, (await call.WaitAsync(Wait)).Response.StatusCode);
        }
    }
}
