using System.Net;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Interop;

[Trait("Category", Categories.Interop)]
public sealed class SippDigestTests
{
    [Theory]
    [InlineData("secret", 200, 486)]
    [InlineData("wrong", 403, 0)]
    public async Task Register_and_invite_answer_sipp_digest_challenges_and_sipp_verifies_them(string password, int registerStatus, int inviteStatus)
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404));
        var (sipp, port) = await Sipp.StartServerAsync("u1", Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uas-auth.xml"), "-m", "1");
        using var _ = sipp;
        var target = new SipDestination(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, port));
        var credentials = new DigestCredentials("1001", password);

        // SIPp's UAS runs one scenario per Call-ID, so the REGISTER and the INVITE share one to meet the same scenario.
        var callId = $"digest-{Guid.NewGuid():N}";
        var register = await SendAuthenticatedAsync(agent, Request(agent, SipMethods.Register, port, callId), target, credentials);
        Assert.Equal(registerStatus, register);
        if (inviteStatus == 0)
        {
            return;
        }

        Assert.Equal(inviteStatus, await SendAuthenticatedAsync(agent, Request(agent, SipMethods.Invite, port, callId), target, credentials));
        var sippResult = await Sipp.WaitAsync(sipp, TimeSpan.FromSeconds(30));
        Assert.True(sippResult.ExitCode == 0, sippResult.ToString());
    }

    private static async Task<int> SendAuthenticatedAsync(SipUserAgent agent, SipRequest request, SipDestination target, DigestCredentials credentials)
    {
        var first = await agent.SendRequest(request, target).FinalResponse.WaitAsync(TimeSpan.FromSeconds(20));
        if (first.StatusCode is not (401 or 407))
        {
            return first.StatusCode;
        }

        var retry = DigestAuthentication.Retry(request, first, credentials)!;
        return (await agent.SendRequest(retry, target).FinalResponse.WaitAsync(TimeSpan.FromSeconds(20))).StatusCode;
    }

    private static SipRequest Request(SipUserAgent agent, string method, int port, string callId)
    {
        var request = new SipRequest(method, AddressUri.Parse($"sip:1001@127.0.0.1:{port}"));
        request.Headers.Add(HeaderNames.From, "<sip:1001@127.0.0.1>;tag=sb1");
        request.Headers.Add(HeaderNames.To, "<sip:1001@127.0.0.1>");
        request.Headers.Add(HeaderNames.CallId, callId);
        request.Headers.Add(HeaderNames.CSeq, method == SipMethods.Register ? "1 REGISTER" : "10 INVITE");
        request.Headers.Add(HeaderNames.Contact, $"<{agent.ContactFor(agent.Transports[0], IPAddress.Loopback, "1001")}>");
        return request;
    }
}
