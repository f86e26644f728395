using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Messages;

public sealed class NameAddrTests
{
    [Theory]
    [InlineData("\"Bell, Alexander\" <sip:a.g.bell@example.com>;tag=43", "Bell, Alexander", "sip:a.g.bell@example.com", "43")]
    [InlineData("caller<sip:caller@example.com>;tag=323", "caller", "sip:caller@example.com", "323")]
    [InlineData("A. G. Bell <sip:agb@bell-telephone.com> ;tag=a48s", "A. G. Bell", "sip:agb@bell-telephone.com", "a48s")]
    [InlineData("sip:caller@example.net;tag=93334", null, "sip:caller@example.net", "93334")]
    [InlineData("\"\" <sip:x@y>", "", "sip:x@y", null)]
    [InlineData("<http://www.example.com>;tag=3234233", null, "http://www.example.com", "3234233")]
    public void Name_addr_and_addr_spec_forms_are_read(string value, string? displayName, string uri, string? tag)
    {
        Assert.True(NameAddr.TryParse(value, out var address, out var error), error);

        Assert.Equal(displayName, address!.DisplayName);
        Assert.Equal(uri, address.Uri.ToString());
        Assert.Equal(tag, address.Tag);
    }

    [Fact]
    public void In_the_addr_spec_form_parameters_belong_to_the_header_and_inside_brackets_to_the_uri()
    {
        Assert.True(NameAddr.TryParse("sip:+19725552222@gw1.example.net;unknownparam", out var bare, out _));
        Assert.True(NameAddr.TryParse("<sip:+19725552222@gw1.example.net;unknownparam>", out var bracketed, out _));

        Assert.True(bare!.Parameters.Contains("unknownparam"));
        Assert.False(((SipUri)bare.Uri).Parameters.Contains("unknownparam"));
        Assert.False(bracketed!.Parameters.Contains("unknownparam"));
        Assert.True(((SipUri)bracketed.Uri).Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void Quoted_display_names_resolve_escapes_and_are_written_back_quoted()
    {
        Assert.True(NameAddr.TryParse("\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam =\t newvalue ; secondparam ; q = 0.33", out var address, out _));

        Assert.Equal("Quoted string \"\"", address!.DisplayName);
        Assert.Equal("newvalue", address.Parameters["newparam"]);
        Assert.True(address.Parameters.Contains("secondparam"));
        Assert.Equal("0.33", address.Parameters["q"]);
        Assert.Equal("\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com>;newparam=newvalue;secondparam;q=0.33", address.ToString());
    }
}
