using System.Globalization;
using System.Net;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>Calls from one user agent of the stack to another through a record-routing Kamailio, hung up from either side.</summary>
[Trait("Category", Categories.Interop)]
public sealed class KamailioRouteSetTests
{
    /// <summary>
    /// A proxy that record-routes every dialog-creating request and sends it to the callee, relays in-dialog requests by
    /// their Route (loose routing), and logs each request it relays with its source and Route header.
    /// </summary>
    private static string Config(int port, IPEndPoint callee) => string.Create(CultureInfo.InvariantCulture, $$"""
        #!KAMAILIO
        debug=2
        children=1
        disable_tcp=yes
        auto_aliases=no
        listen=udp:127.0.0.1:{{port}}

        loadmodule "tm.so"
        loadmodule "sl.so"
        loadmodule "rr.so"
        loadmodule "pv.so"
        loadmodule "xlog.so"
        loadmodule "maxfwd.so"
        loadmodule "siputils.so"
        loadmodule "textops.so"

        request_route {
            xlog("L_INFO", "relaying $rm from $si:$sp route=$hdr(Route)\n");
            if (!mf_process_maxfwd_header("10")) {
                sl_send_reply("483", "Too Many Hops");
                exit;
            }
            if (has_totag()) {
                if (loose_route()) {
                    t_relay();
                } else if (is_method("ACK") && t_check_trans()) {
                    t_relay();
                } else {
                    sl_send_reply("404", "Not Here");
                }
                exit;
            }
            if (is_method("INVITE")) {
                record_route();
                $ru = "sip:" + $rU + "@{{callee}}";
            }
            t_relay();
        }
        """);

    [Fact]
    public async Task The_bye_from_the_callee_and_the_bye_from_the_caller_both_follow_the_record_routed_proxy()
    {
        var uas = new TestUas();
        await using var callee = uas.Start("udp:127.0.0.1:0");
        await using var caller = TestAgent.Start(new RejectingRequestHandler(404));
        var port = ListeningSockets.FreeUdpPort();
        await using var proxy = await Kamailio.StartAsync(Config(port, callee.Transports[0].LocalEndPoint), port);
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

        Assert.Equal(2, proxy.LinesWith("relaying INVITE from").Count);
        Assert.Equal(0, caller.Dialogs.Count);
        Assert.Equal(0, callee.Dialogs.Count);
    }

    private static async Task AssertRelayedAsync(Kamailio proxy, string line) =>
        Assert.True(await proxy.LoggedAsync(line, TimeSpan.FromSeconds(5)), $"kamailio never logged \"{line}\":\n{string.Join('\n', proxy.Log)}");
}
