using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Messages;

public sealed class AddressUriTests
{
    [Theory]
    [InlineData("sip:alice@example.com", "sip", "alice", "example.com", null)]
    [InlineData("SIPS:bob:secret@[2001:db8::1]:5061", "sips", "bob", "2001:db8::1", 5061)]
    [InlineData("sip:sips%3Auser%40example.com@example.net", "sip", "sips:user@example.com", "example.net", null)]
    [InlineData("sip:user;par=u%40example.net@example.com", "sip", "user;par=u@example.net", "example.com", null)]
    [InlineData("sip:null-%00-null@example.com", "sip", "null-\0-null", "example.com", null)]
    [InlineData("sip:192.0.2.4:5070;transport=tcp;lr", "sip", null, "192.0.2.4", 5070)]
    public void Sip_uris_are_parsed_and_unescaped(string text, string scheme, string? user, string host, int? port)
    {
        var uri = Assert.IsType<SipUri>(AddressUri.Parse(text));

        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(user, uri.User);
        Assert.Equal(host, uri.Host.Host);
        Assert.Equal(port, uri.Host.Port);
    }

    [Fact]
    public void Parameters_and_headers_are_unescaped_and_written_back_escaped()
    {
        var uri = Assert.IsType<SipUri>(AddressUri.Parse("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31?Route=%3Csip:sip.example.com%3E"));

        Assert.True(uri.IsLooseRouter);
        Assert.Equal("value%41", uri.Parameters["name"]);
        Assert.Equal("<sip:sip.example.com>", Assert.Single(uri.Headers).Value);
        Assert.Equal("sip:caller@host5.example.net;lr;name=value%2541?Route=%3Csip:sip.example.com%3E", uri.ToString());
    }

    [Fact]
    public void Odd_but_legal_user_and_password_characters_are_accepted()
    {
        var uri = Assert.IsType<SipUri>(AddressUri.Parse("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com"));

        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", uri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", uri.Password);
    }

    [Theory]
    [InlineData("tel:+1-201-555-0123;phone-context=example.com", "+1-201-555-0123", true)]
    [InlineData("tel:7042;phone-context=example.com", "7042", false)]
    public void Tel_uris_keep_the_number_and_parameters(string text, string number, bool global)
    {
        var uri = Assert.IsType<TelUri>(AddressUri.Parse(text));

        Assert.Equal(number, uri.Number);
        Assert.Equal(global, uri.IsGlobal);
        Assert.Equal("example.com", uri.Parameters["phone-context"]);
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("soap.beep://192.0.2.103:3002", "soap.beep")]
    [InlineData("isbn:2983792873", "isbn")]
    [InlineData("http://www.example.com", "http")]
    public void Other_schemes_are_kept_opaque(string text, string scheme)
    {
        var uri = Assert.IsType<OpaqueUri>(AddressUri.Parse(text));

        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(text, uri.ToString());
    }

    [Theory]
    [InlineData("<sip:user@example.com>")]
    [InlineData("sip:user@exa mple.com")]
    [InlineData("sip:user@example.com:99999")]
    [InlineData("sip:user@[::1")]
    [InlineData("sip:us%2@example.com")]
    [InlineData("sip:user@example.com;;lr")]
    [InlineData("sip:")]
    [InlineData("nocolon")]
    [InlineData("tel:")]
    public void Invalid_uris_are_refused_with_a_reason(string text)
    {
        Assert.False(AddressUri.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
