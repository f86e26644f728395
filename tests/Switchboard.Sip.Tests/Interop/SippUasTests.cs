using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Interop;

[Trait("Category", Categories.Interop)]
public sealed class SippUasTests
{
    [Theory]
    [InlineData("udp", "u1", SipTransportProtocol.Udp)]
    [InlineData("tcp", "t1", SipTransportProtocol.Tcp)]
    public async Task Calls_placed_by_the_stack_are_answered_by_sipp_and_hung_up_with_bye(string listen, string transport, SipTransportProtocol protocol)
    {
        const int calls = 20;
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), $"{listen}:127.0.0.1:0");
        var (sipp, port) = await Sipp.StartServerAsync(transport, "uas", "-m", $"{calls}");
        using var _ = sipp;
        var target = new SipDestination(protocol, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));

        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(i => TestUac.CallAsync(agent, target, $"callee{i}")));
        var sippResult = await Sipp.WaitAsync(sipp, TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.Equal((200, 200), r));
        Assert.True(sippResult.ExitCode == 0, sippResult.ToString());
        Assert.Equal(0, agent.Dialogs.Count);
    }

    [Theory]
    [InlineData("udp", "u1", SipTransportProtocol.Udp)]
    [InlineData("tcp", "t1", SipTransportProtocol.Tcp)]
    public async Task Calls_the_stack_cancels_while_sipp_rings_end_with_487_and_leave_no_dialog(string listen, string transport, SipTransportProtocol protocol)
    {
        const int calls = 10;
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), $"{listen}:127.0.0.1:0");
        var scenario = Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uas-cancel.xml");
        var (sipp, port) = await Sipp.StartServerAsync(transport, scenario, "-m", $"{calls}");
        using var _ = sipp;
        var target = new SipDestination(protocol, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));

        var placed = Task.WhenAll(Enumerable.Range(0, calls).Select(async i =>
        {
            using var hangUp = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            return await agent.InviteAsync(TestUac.Invite(agent, target, $"callee{i}"), target, cancellationToken: hangUp.Token);
        }));
        var sippResult = await Sipp.WaitAsync(sipp, TimeSpan.FromSeconds(30));
        var results = await placed.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.True(sippResult.ExitCode == 0, $"{sippResult}\nstack saw: {string.Join(", ", results.Select(r => r.Response.StatusCode))}");

        Assert.All(results, r => Assert.Equal(487, r.Response.StatusCode));
        Assert.All(results, r => Assert.Null(r.Dialog));
        Assert.Equal(0, agent.Dialogs.Count);
    }
}
