using Switchboard.Calls;

namespace Switchboard.Core.Tests.Calls;

public class CallerIdValueTests
{
    [Theory]
    [InlineData("\"Ann\" <sip:+31612345678@pbx.example;user=phone>;tag=a1", "+31612345678")]
    [InlineData("<sip:0201234567@10.0.0.1>", "0201234567")]
    [InlineData("sip:201@pbx.example;tag=x", "201")]
    [InlineData("<tel:+31201234567;phone-context=example.com>", "+31201234567")]
    [InlineData("sips:%2B31612345678@pbx", "+31612345678")]
    [InlineData("\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=1", "anonymous")]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData("  anonymous ", "anonymous")]
    public void The_address_is_the_user_part_of_the_uri_or_the_value_itself(string raw, string address) =>
        Assert.Equal(address, new CallerIdValue(CallerIdSource.SipFrom, raw).Address);

    [Theory]
    [InlineData("<sip:+31612345678@pbx>;party=calling;privacy=full;screen=yes", true)]
    [InlineData("<sip:+31612345678@pbx>;privacy=uri", true)]
    [InlineData("<sip:+31612345678@pbx>;privacy=off", false)]
    [InlineData("<sip:+31612345678@pbx;privacy=full>", false)]
    public void Remote_party_id_privacy_is_read_from_the_header_parameters(string raw, bool privacy) =>
        Assert.Equal(privacy, new CallerIdValue(CallerIdSource.RemotePartyId, raw).RequestsPrivacy);

    [Theory]
    [InlineData("id", true)]
    [InlineData("user;id", true)]
    [InlineData("header", true)]
    [InlineData("none", false)]
    [InlineData(null, false)]
    public void The_privacy_header_asks_to_withhold_the_identity(string? privacy, bool requested) =>
        Assert.Equal(requested, new CallerInfo([], privacy).PrivacyRequested);

    [Fact]
    public void Every_raw_value_is_kept_in_order()
    {
        var info = new CallerInfo(
        [
            new CallerIdValue(CallerIdSource.SipFrom, "<sip:201@pbx>"),
            new CallerIdValue(CallerIdSource.PAssertedIdentity, "<sip:+31612345678@pbx>"),
            new CallerIdValue(CallerIdSource.Diversion, "<sip:+31201234567@pbx>;reason=unconditional"),
        ]);
        Assert.Equal("<sip:+31612345678@pbx>", info.Get(CallerIdSource.PAssertedIdentity)!.Raw);
        Assert.Null(info.Get(CallerIdSource.RemotePartyId));
        Assert.Equal(3, info.Values.Count);
    }
}
