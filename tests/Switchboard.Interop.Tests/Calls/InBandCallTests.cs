using Switchboard.Interop.Tests.Audio;
using Switchboard.Interop.Tests.Peers;
using Switchboard.Interop.Tests.Server;
using Switchboard.Testing;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// A SIPp landline caller to whatsapp-link that offers no telephone-event, so its keys can only be DTMF tones in its A-law
/// audio: the route's default (<c>InBandDtmf: WhenNoTelephoneEvent</c>) must listen for them.
/// </summary>
[Trait("Category", Categories.Interop)]
public sealed class InBandCallTests(CallServerFixture fixture) : IClassFixture<CallServerFixture>
{
    [Fact]
    public async Task A_landline_caller_keying_in_band_tones_confirms_the_number_and_one_sms_goes_there_before_the_app_hangs_up()
    {
        // As the RFC 4733 scenario: the keys after cannot_text_caller (3.7 s), 120 ms tones 300 ms apart, and 1 during the read-back.
        var tone = TimeSpan.FromMilliseconds(120);
        var gap = TimeSpan.FromMilliseconds(180);
        await DtmfToneFile.WriteAsync(Path.Combine(fixture.Scratch, "tones.alaw"),
        [
            .. DtmfToneFile.Keys(TimeSpan.FromSeconds(4), PlacedCall.LandlineKeys[..^1], tone, gap),
            .. DtmfToneFile.Keys(TimeSpan.FromSeconds(2.5), PlacedCall.LandlineKeys[^1..], tone, TimeSpan.FromSeconds(1)),
        ]);

        var call = await fixture.SippCallAsync(new Sipp.Dial("landline-inband.xml", fixture.Server.SipUdp, CallServerFixture.Landline)
        {
            WorkingDirectory = fixture.Scratch,
        });

        call.AssertPeerFollowedItsScenario();
        await call.AssertConfirmedLandlineFlowAsync("InBand");
    }
}
