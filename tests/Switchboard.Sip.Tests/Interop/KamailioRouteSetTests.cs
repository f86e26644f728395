using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Testing;
using Switchboard.Testing.Peers;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Calls from one user agent of the stack to another through a record-routing Kamailio, hung up from either side.</summary>
[Trait("Category", Categories.Interop)]
public sealed class KamailioRouteSetTests
{
    [Fact]
    public async Task The_bye_from_the_callee_and_the_bye_from_the_caller_both_follow_the_record_routed_proxy()
    {
        var uas = new TestUas();
        await using var callee = uas.Start("udp:127.0.0.1:0");
        await using var caller = TestAgent.Start(new RejectingRequestHandler(404));
        await using var proxy = await Kamailio.StartAsync(callee.Transports[0].LocalEndPoint);
        var port = proxy.EndPoint.Port;
        var viaProxy = new SipDestination(SipTransportProtocol.Udp, proxy.EndPoint);
        var calleePort = callee.Transports[0].LocalEndPoint.Port;
        var callerPort = caller.Transports[0].LocalEndPoint.Port;

        // First call: the callee hangs up.
        var first = await caller.InviteAsync(TestUac.Invite(caller, viaProxy, "callee"), viaProxy).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, first.Response.StatusCode);
        var callerDialog = first.Dialog!;
        var calleeDialog = Assert.Single(callee.Dialogs.All);
        var hop = Assert.IsType<SipUri>(Assert.Single(callerDialog.RouteSet).Uri);
        Assert.True(hop.Host == new HostPort("127.0.0.1", port) && hop.IsLooseRouter, $"route set {hop}");
        var proxyRoute = callerDialog.RouteSet[0].ToString();
        Assert.Equal(proxyRoute, Assert.Single(calleeDialog.RouteSet).ToString());
        Assert.Equal(callee.ContactFor(callee.Transports[0], null, "uas").ToString(), callerDialog.RemoteTarget.ToString());

        var calleeBye = await callee.HangUpAsync(calleeDialog).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, calleeBye?.StatusCode);
        Assert.Equal(DialogEndReason.RemoteBye, await callerDialog.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
        await AssertRelayedAsync(proxy, $"relaying ACK from 127.0.0.1:{callerPort} route={proxyRoute}");
        await AssertRelayedAsync(proxy, $"relaying BYE from 127.0.0.1:{calleePort} route={proxyRoute}");

        // Second call: the caller hangs up.
        var second = await caller.InviteAsync(TestUac.Invite(caller, viaProxy, "callee"), viaProxy).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, second.Response.StatusCode);
        var secondCallee = Assert.Single(callee.Dialogs.All);
        var secondRoute = Assert.Single(second.Dialog!.RouteSet).ToString();
        Assert.Equal(secondRoute, Assert.Single(secondCallee.RouteSet).ToString());
        var callerBye = await caller.HangUpAsync(second.Dialog!).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, callerBye?.StatusCode);
        Assert.Equal(DialogEndReason.RemoteBye, await secondCallee.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
        await AssertRelayedAsync(proxy, $"relaying BYE from 127.0.0.1:{callerPort} route={secondRoute}");

        Assert.Equal(2, proxy.Relayed.Count(l => l.Contains("relaying INVITE from", StringComparison.Ordinal)));
        Assert.Equal(0, caller.Dialogs.Count);
        Assert.Equal(0, callee.Dialogs.Count);
    }

    private static async Task AssertRelayedAsync(Kamailio proxy, string line)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!proxy.Relayed.Any(l => l.Contains(line, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(proxy.Relayed.Any(l => l.Contains(line, StringComparison.Ordinal)), $"kamailio never logged \"{line}\":\n{proxy.Tail()}");
    }
}
