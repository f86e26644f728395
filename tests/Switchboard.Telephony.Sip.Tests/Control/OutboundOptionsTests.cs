using Switchboard.Calls;
using Switchboard.Sip.Transports;
using Switchboard.Telephony.Sip.Control;

namespace Switchboard.Telephony.Sip.Tests.Control;

public sealed class OutboundOptionsTests
{
    private static readonly OutboundOptions Pbx = new() { Proxy = "pbx.example.com:5062", FromUser = "trunk7", FromDisplay = "Switchboard" };

    [Theory]
    [InlineData("201", "sip:201@pbx.example.com:5062")]
    [InlineData("+31201234567", "sip:+31201234567@pbx.example.com:5062")]
    [InlineData("tel:+31201234567", "sip:+31201234567@pbx.example.com:5062")]
    [InlineData("*5#", "sip:*5%23@pbx.example.com:5062")]
    [InlineData("sip:queue@other.example.com;transport=tcp", "sip:queue@other.example.com;transport=tcp")]
    public void Extensions_and_numbers_go_through_the_proxy_and_sip_uris_as_they_are(string target, string uri)
    {
        Assert.Equal(uri, Pbx.UriFor(new Destination(target)).ToString());
    }

    [Fact]
    public void Over_tcp_the_request_uri_names_the_transport()
    {
        Assert.Equal("sip:201@pbx.example.com:5062;transport=tcp", (Pbx with { Transport = SipTransportProtocol.Tcp }).UriFor(new Destination("201")).ToString());
    }

    [Theory]
    [InlineData("20 1", "neither a SIP URI nor an extension")]
    [InlineData("sip:", "is not a SIP URI")]
    public void Undialable_targets_are_refused_with_the_reason(string target, string reason)
    {
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => Pbx.UriFor(new Destination(target))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_without_a_proxy_names_the_missing_setting()
    {
        Assert.Contains("Sip:Outbound:Proxy", Assert.Throws<ArgumentException>(() => new OutboundOptions().UriFor(new Destination("201"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_carries_the_display_name_user_and_the_proxy_host_unless_a_domain_is_set()
    {
        Assert.Equal("\"Switchboard\" <sip:trunk7@pbx.example.com>", Pbx.FromAddress("10.0.0.2").ToString());
        Assert.Equal("<sip:switchboard@10.0.0.2>", new OutboundOptions().FromAddress("10.0.0.2").ToString());
        Assert.Equal("sip:trunk7@example.org", (Pbx with { FromDomain = "example.org" }).FromAddress("10.0.0.2").Uri.ToString());
    }

    [Fact]
    public void The_password_comes_from_the_named_environment_variable()
    {
        var options = Pbx with { PasswordEnv = "SB_TRUNK_PASSWORD" };
        var credentials = options.Credentials(name => name == "SB_TRUNK_PASSWORD" ? "secret" : null)!;
        Assert.Equal(("trunk7", "secret"), (credentials.Username, credentials.Password));
        Assert.Equal("auth7", (options with { AuthUser = "auth7" }).Credentials(_ => "secret")!.Username);
        Assert.Null(Pbx.Credentials(_ => "secret"));
        var missing = Assert.Throws<ArgumentException>(() => options.Credentials(_ => null));
        Assert.Contains("Sip:Outbound:PasswordEnv", missing.Message, StringComparison.Ordinal);
        Assert.Contains("SB_TRUNK_PASSWORD", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pbx.example.com:notaport", "trunk7", SipTransportProtocol.Udp, "Sip:Outbound:Proxy")]
    [InlineData("pbx.example.com", "trunk 7", SipTransportProtocol.Udp, "Sip:Outbound:FromUser")]
    [InlineData("pbx.example.com", "trunk7", SipTransportProtocol.Tls, "Sip:Outbound:Transport")]
    public void Bad_settings_are_refused_at_start_naming_the_key(string proxy, string fromUser, SipTransportProtocol transport, string key)
    {
        var options = new OutboundOptions { Proxy = proxy, FromUser = fromUser, Transport = transport };
        Assert.StartsWith(key, Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_settings_pass()
    {
        Pbx.Validate();
        new OutboundOptions().Validate();
    }
}
