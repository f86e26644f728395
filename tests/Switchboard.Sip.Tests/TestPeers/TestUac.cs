using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>A caller built on the stack for interop tests: INVITE, ACK for the 2xx (again for each repeat), then BYE through the dialog.</summary>
internal static class TestUac
{
    private static readonly byte[] Sdp = Encoding.ASCII.GetBytes("v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n");

    /// <summary>Places one call to <paramref name="target"/> and hangs it up; returns the final status of the INVITE and of the BYE.</summary>
    public static async Task<(int Invite, int Bye)> CallAsync(SipUserAgent agent, SipDestination target, string user)
    {
        var transport = agent.Transactions.Transport.TransportFor(target);
        var invite = new SipRequest(SipMethods.Invite, new SipUri(false, user, new HostPort(target.EndPoint.Address.ToString(), target.EndPoint.Port)));
        invite.Headers.Add(HeaderNames.From, $"<sip:switchboard@127.0.0.1>;tag={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        invite.Headers.Add(HeaderNames.To, $"<{invite.RequestUri}>");
        invite.Headers.Add(HeaderNames.CallId, $"{Guid.NewGuid():N}@127.0.0.1");
        invite.Headers.Add(HeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(HeaderNames.Contact, $"<{agent.ContactFor(transport, "switchboard")}>");
        invite.Headers.Add(HeaderNames.ContentType, "application/sdp");
        invite.Body = Sdp;

        SipRequest? ack = null;
        var transaction = agent.SendRequest(invite, target);
        transaction.ResponseReceived += response =>
        {
            if (response.IsSuccess && ack is not null)
            {
                _ = agent.SendAckAsync(ack, target).AsTask();
            }
        };
        var final = await transaction.FinalResponse.WaitAsync(TimeSpan.FromSeconds(40));
        if (!final.IsSuccess)
        {
            return (final.StatusCode, 0);
        }

        var dialog = Dialog.ForClient(invite, final);
        var hop = await NextHop.ResolveAsync(dialog.NextHop);
        ack = dialog.CreateAck(invite.CSeq!.Number);
        await agent.SendAckAsync(ack, hop);

        var bye = agent.SendRequest(dialog.CreateRequest(SipMethods.Bye), hop);
        return (final.StatusCode, (await bye.FinalResponse.WaitAsync(TimeSpan.FromSeconds(40))).StatusCode);
    }
}
