using Switchboard.Interop.Tests.Peers;
using Switchboard.Interop.Tests.Server;
using Switchboard.Testing;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>A softphone user on a landline account calls whatsapp-link with baresip and types the mobile number on its keypad.</summary>
[Trait("Category", Categories.Interop)]
public sealed class BaresipCallTests(CallServerFixture fixture) : IClassFixture<CallServerFixture>
{
    [Fact]
    public async Task A_baresip_landline_caller_keys_a_mobile_number_as_rtp_events_confirms_and_one_sms_goes_there_before_the_app_hangs_up()
    {
        await using var phone = await Baresip.StartAsync(CallServerFixture.Landline);
        var call = fixture.Begin();

        await phone.DialAsync($"sip:{CallServerFixture.BusinessNumber}@{fixture.Server.SipUdp}");
        // As the SIPp callers: keys after cannot_text_caller (3.7 s), during enter_mobile; 1 during the read-back.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await phone.PressAsync(PlacedCall.LandlineKeys[..^1], TimeSpan.FromMilliseconds(300));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await phone.PressAsync(PlacedCall.LandlineKeys[^1..], TimeSpan.Zero);
        await phone.WaitForHangUpAsync(TimeSpan.FromSeconds(30));
        call.PeerReport = "--- baresip ---\n" + phone.Tail();

        await call.AssertConfirmedLandlineFlowAsync("Rfc4733");
    }
}
