using Switchboard.Numbers;
using Switchboard.Sip.Messages;
using Switchboard.Telephony.Sip.Routing;

namespace Switchboard.Telephony.Sip.Tests.Routing;

public sealed class SipRouterTests
{
    private static readonly SipRoute Sales = new("+31201234567", "sales");
    private static readonly SipRoute Support = new("200", "support");
    private static readonly SipRoute Everything = new(SipRoute.Any, "catch-all");

    [Theory]
    [InlineData("sip:+31201234567@pbx", "sip:+31201234567@pbx", "sales")]
    [InlineData("sip:0201234567@pbx", "sip:0201234567@pbx", "sales")]
    [InlineData("sip:0031201234567@pbx", "sip:x@pbx", "sales")]
    [InlineData("tel:+31201234567", "sip:x@pbx", "sales")]
    [InlineData("sip:switchboard@10.0.0.5", "sip:0201234567@pbx", "sales")]
    [InlineData("sip:200@pbx", "sip:200@pbx", "support")]
    [InlineData("sip:201@pbx", "sip:201@pbx", "catch-all")]
    [InlineData("sip:10.0.0.5", "sip:10.0.0.5", "catch-all")]
    public void The_first_route_matching_the_request_uri_or_to_user_as_written_or_as_a_number_wins(string requestUri, string to, string app)
    {
        var router = new SipRouter([Sales, Support, Everything], null, NumberPlan.Default, "NL");

        Assert.Equal(app, router.Find(Invite(requestUri, to))!.App);
    }

    [Fact]
    public void Without_a_match_the_default_route_takes_the_call_or_none_does()
    {
        var invite = Invite("sip:999@pbx", "sip:999@pbx");

        Assert.Null(new SipRouter([Sales, Support], null, NumberPlan.Default, "NL").Find(invite));
        Assert.Equal("fallback", new SipRouter([Sales], new SipRoute(SipRoute.Any, "fallback"), NumberPlan.Default, "NL").Find(invite)!.App);
    }

    [Fact]
    public void Order_decides_when_several_routes_match()
    {
        var router = new SipRouter([Everything, Sales], null, NumberPlan.Default, "NL");

        Assert.Equal("catch-all", router.Find(Invite("sip:+31201234567@pbx", "sip:+31201234567@pbx"))!.App);
    }

    private static SipRequest Invite(string requestUri, string to)
    {
        var invite = new SipRequest(SipMethods.Invite, AddressUri.Parse(requestUri));
        invite.Headers.Add(HeaderNames.To, $"<{to}>");
        return invite;
    }
}
