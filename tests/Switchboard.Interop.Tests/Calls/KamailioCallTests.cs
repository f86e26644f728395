using Switchboard.Interop.Tests.Peers;
using Switchboard.Interop.Tests.Server;
using Switchboard.Testing;
using Switchboard.Testing.Peers;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>A call to whatsapp-link through a record-routing Kamailio, as when Switchboard sits behind a proxy or a PBX's SBC.</summary>
[Trait("Category", Categories.Interop)]
public sealed class KamailioCallTests(CallServerFixture fixture) : IClassFixture<CallServerFixture>
{
    [Fact]
    public async Task The_apps_bye_follows_the_route_set_through_the_proxy_and_the_mobile_caller_gets_the_sms()
    {
        await using var proxy = await Kamailio.StartAsync(fixture.Server.SipUdp);

        var call = await fixture.SippCallAsync(new Sipp.Dial("mobile.xml", proxy.EndPoint, CallServerFixture.Mobile));

        call.PeerReport += $"\n--- kamailio ---\n{proxy.Tail()}";
        call.AssertPeerFollowedItsScenario();
        await call.AssertOneLinkSentAsync(CallServerFixture.Mobile);
        await call.AssertEndedAsync("App", "sms-sent");
        Assert.Single(proxy.Relayed, l => l.Contains("relaying INVITE", StringComparison.Ordinal));
        // The server sent its BYE to the proxy, with the Record-Route it was given as its Route header (loose routing; Kamailio
        // adds its ftag parameter after lr).
        Assert.True(proxy.Relayed.Any(l => l.Contains($"relaying BYE from {fixture.Server.SipUdp} route=<{proxy.RouteUri}", StringComparison.Ordinal)), call.Report);
        await call.AssertReleasedAsync();
    }
}
