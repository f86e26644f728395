using Switchboard.Calls;

namespace Switchboard.Core.Tests.Calls;

public class CallerIdValueTests
{
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
