using Switchboard.Calls;
using Switchboard.Sip.Messages;
using Switchboard.Telephony.Sip.Calls;

namespace Switchboard.Telephony.Sip.Tests.Calls;

public sealed class CallerHeadersTests
{
    [Fact]
    public void Every_identity_header_value_is_kept_raw_in_source_order_and_lists_are_split_per_address()
    {
        var invite = Invite(
            ("Diversion", "<sip:0201111111@pbx>;reason=unconditional"),
            ("f", "\"Jan, de Vries\" <sip:+31201234567@pbx>;tag=9"),
            ("Remote-Party-ID", "\"Jan\" <sip:+31612345678@gw>;party=calling;privacy=off;screen=yes"),
            ("P-Asserted-Identity", "\"A, B\" <sip:+31612345678@carrier>, <tel:+31612345678>"),
            ("P-Asserted-Identity", "<sip:+31699999999@second>"));

        var caller = CallerHeaders.Read(invite);

        Assert.Equal(
        [
            new CallerIdValue(CallerIdSource.SipFrom, "\"Jan, de Vries\" <sip:+31201234567@pbx>;tag=9"),
            new CallerIdValue(CallerIdSource.PAssertedIdentity, "\"A, B\" <sip:+31612345678@carrier>"),
            new CallerIdValue(CallerIdSource.PAssertedIdentity, "<tel:+31612345678>"),
            new CallerIdValue(CallerIdSource.PAssertedIdentity, "<sip:+31699999999@second>"),
            new CallerIdValue(CallerIdSource.RemotePartyId, "\"Jan\" <sip:+31612345678@gw>;party=calling;privacy=off;screen=yes"),
            new CallerIdValue(CallerIdSource.Diversion, "<sip:0201111111@pbx>;reason=unconditional"),
        ], caller.Values);
        Assert.Null(caller.Privacy);
    }

    [Theory]
    [InlineData("id", true)]
    [InlineData("user; id", true)]
    [InlineData("none", false)]
    public void The_privacy_header_is_kept_so_a_withheld_caller_is_recognised(string privacy, bool withheld)
    {
        var caller = CallerHeaders.Read(Invite(("From", "<sip:anonymous@anonymous.invalid>;tag=1"), ("Privacy", privacy)));

        Assert.Equal(privacy, caller.Privacy);
        Assert.Equal(withheld, caller.PrivacyRequested);
    }

    [Theory]
    [InlineData("sip:0201234567@switchboard", "sip:other@pbx", "0201234567")]
    [InlineData("tel:+31201234567", "sip:other@pbx", "+31201234567")]
    [InlineData("sip:switchboard.example", "sip:+31201234567@pbx", "+31201234567")]
    [InlineData("sip:switchboard.example", "sip:pbx", "")]
    public void The_called_number_is_the_request_uri_user_else_the_to_user(string requestUri, string to, string called)
    {
        var invite = new SipRequest(SipMethods.Invite, AddressUri.Parse(requestUri));
        invite.Headers.Add(HeaderNames.To, $"<{to}>");

        Assert.Equal(called, CallerHeaders.Called(invite));
    }

    private static SipRequest Invite(params (string Name, string Value)[] headers)
    {
        var invite = new SipRequest(SipMethods.Invite, AddressUri.Parse("sip:100@switchboard"));
        foreach (var (name, value) in headers)
        {
            invite.Headers.Add(name, value);
        }

        return invite;
    }
}
