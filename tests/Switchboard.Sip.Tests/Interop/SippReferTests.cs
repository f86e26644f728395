using System.Net;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Interop;

[Trait("Category", Categories.Interop)]
public sealed class SippReferTests
{
    [Theory]
    [InlineData("udp", "u1", SipTransportProtocol.Udp)]
    [InlineData("tcp", "t1", SipTransportProtocol.Tcp)]
    public async Task A_call_sipp_answers_is_transferred_with_refer_and_sipps_notifies_report_it_succeeded(string listen, string transport, SipTransportProtocol protocol)
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), $"{listen}:127.0.0.1:0");
        var (sipp, port) = await Sipp.StartServerAsync(transport, Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uas-refer.xml"), "-m", "1");
        using var _ = sipp;
        var target = new SipDestination(protocol, new IPEndPoint(IPAddress.Loopback, port));
        var call = await agent.InviteAsync(TestUac.Invite(agent, target, "transferee"), target).WaitAsync(TimeSpan.FromSeconds(40));
        var reported = new List<int>();

        var result = await agent.ReferAsync(call.Dialog!, AddressUri.Parse("sip:carol@127.0.0.1:5099"), new Recorder(reported), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(40));
        var sippResult = await Sipp.WaitAsync(sipp, TimeSpan.FromSeconds(30));

        Assert.True(sippResult.ExitCode == 0, sippResult.ToString());
        Assert.Equal(ReferOutcome.Succeeded, result.Outcome);
        Assert.Equal(202, result.Response.StatusCode);
        Assert.Equal(new SipFragStatus(200, "OK"), result.Final);
        Assert.Equal([100, 180, 200], reported);
        Assert.Equal(DialogEndReason.RemoteBye, await call.Dialog!.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    private sealed class Recorder(List<int> reported) : IProgress<SipFragStatus>
    {
        public void Report(SipFragStatus value)
        {
            lock (reported)
            {
                reported.Add(value.StatusCode);
            }
        }
    }
}
