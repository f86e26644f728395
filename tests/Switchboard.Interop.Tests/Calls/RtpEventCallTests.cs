using Switchboard.Interop.Tests.Peers;
using Switchboard.Interop.Tests.Server;
using Switchboard.Testing;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>SIPp callers to whatsapp-link whose keys are RFC 4733 events (the DTMF pcaps of Debian's sip-tester).</summary>
[Trait("Category", Categories.Interop)]
public sealed class RtpEventCallTests(CallServerFixture fixture) : IClassFixture<CallServerFixture>
{
    [Fact]
    public async Task A_landline_caller_keys_a_mobile_number_confirms_it_and_one_sms_goes_there_before_the_app_hangs_up()
    {
        var call = await fixture.SippCallAsync(new Sipp.Dial("landline-rfc4733.xml", fixture.Server.SipUdp, CallServerFixture.Landline));

        call.AssertPeerFollowedItsScenario();
        await call.AssertConfirmedLandlineFlowAsync("Rfc4733");
    }

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task A_mobile_caller_gets_the_sms_on_the_own_number_without_a_key_and_the_app_hangs_up(string transport)
    {
        var target = transport == "t1" ? fixture.Server.SipTcp : fixture.Server.SipUdp;
        var call = await fixture.SippCallAsync(new Sipp.Dial("mobile.xml", target, CallServerFixture.Mobile) { Transport = transport });

        call.AssertPeerFollowedItsScenario();
        await call.AssertOneLinkSentAsync(CallServerFixture.Mobile);
        Assert.Empty(call.Keys);
        await call.AssertEndedAsync("App", "sms-sent");
        await call.AssertReleasedAsync();
    }

    [Fact]
    public async Task A_landline_caller_who_hangs_up_after_two_keys_gets_no_sms_and_the_call_lets_go_of_its_ports()
    {
        var call = await fixture.SippCallAsync(new Sipp.Dial("landline-hangup-during-entry.xml", fixture.Server.SipUdp, CallServerFixture.Landline));

        call.AssertPeerFollowedItsScenario();
        Assert.Equal("06", call.KeyString);
        await call.AssertEndedAsync("Caller", "caller-hung-up");
        await call.AssertReleasedAsync();
        await call.AssertNothingSentAsync();
    }
}
