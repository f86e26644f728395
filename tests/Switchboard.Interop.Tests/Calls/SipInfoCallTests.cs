using Switchboard.Interop.Tests.Peers;
using Switchboard.Interop.Tests.Server;
using Switchboard.Testing;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>A SIPp landline caller to whatsapp-link whose keys are SIP INFO requests (<c>application/dtmf-relay</c>).</summary>
[Trait("Category", Categories.Interop)]
public sealed class SipInfoCallTests(CallServerFixture fixture) : IClassFixture<CallServerFixture>
{
    [Fact]
    public async Task A_landline_caller_keying_by_sip_info_confirms_the_number_and_one_sms_goes_there_before_the_app_hangs_up()
    {
        var call = await fixture.SippCallAsync(new Sipp.Dial("landline-sip-info.xml", fixture.Server.SipUdp, CallServerFixture.Landline));

        call.AssertPeerFollowedItsScenario();
        await call.AssertConfirmedLandlineFlowAsync("SipInfo");
    }
}
