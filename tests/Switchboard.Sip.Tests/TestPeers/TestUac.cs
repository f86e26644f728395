using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>A caller built on the stack for interop tests: places a call through the UA core's dialog layer and hangs it up with BYE.</summary>
internal static class TestUac
{
    private static readonly byte[] Sdp = Encoding.ASCII.GetBytes("v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40002 RTP/AVP 0\r\n");

    /// <summary>An INVITE to <paramref name="user"/> at <paramref name="target"/> with a From tag, Contact and an SDP offer.</summary>
    public static SipRequest Invite(SipUserAgent agent, SipDestination target, string user)
    {
        var invite = new SipRequest(SipMethods.Invite, new SipUri(false, user, new HostPort(target.EndPoint.Address.ToString(), target.EndPoint.Port)));
        invite.Headers.Add(HeaderNames.From, $"<sip:switchboard@127.0.0.1>;tag={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        invite.Headers.Add(HeaderNames.To, $"<{invite.RequestUri}>");
        invite.Headers.Add(HeaderNames.CallId, $"{Guid.NewGuid():N}@127.0.0.1");
        invite.Headers.Add(HeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(HeaderNames.Contact, $"<{agent.ContactFor(target, "switchboard")}>");
        invite.Headers.Add(HeaderNames.ContentType, "application/sdp");
        invite.Body = Sdp;
        return invite;
    }

    /// <summary>Places one call to <paramref name="target"/> and hangs it up after <paramref name="hold"/>; returns the final status of the INVITE and of the BYE.</summary>
    public static async Task<(int Invite, int Bye)> CallAsync(SipUserAgent agent, SipDestination target, string user, TimeSpan hold = default)
    {
        var result = await agent.InviteAsync(Invite(agent, target, user), target).WaitAsync(TimeSpan.FromSeconds(40));
        if (result.Dialog is not { } dialog)
        {
            return (result.Response.StatusCode, 0);
        }

        await Task.Delay(hold);

        var bye = await agent.HangUpAsync(dialog).WaitAsync(TimeSpan.FromSeconds(40));
        return (result.Response.StatusCode, bye?.StatusCode ?? 0);
    }
}
