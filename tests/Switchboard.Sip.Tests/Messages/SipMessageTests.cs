using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Messages;

public sealed class SipMessageTests
{
    private const string Request = """
        INVITE sip:alice@example.com SIP/2.0
        v: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKtop;rport, SIP/2.0/TCP proxy.example.com;branch=z9hG4bKmid
        Via: SIP/2.0/UDP pbx.example.com;branch=z9hG4bKlow
        From: "Bob" <sip:bob@example.org>;tag=b1
        To: <sip:alice@example.com>
        Call-ID: replace@h
        CSeq: 1 INVITE
        Contact: <sip:bob@192.0.2.1>
        Content-Length: 0


        """;

    [Fact]
    public void Replacing_the_top_via_rewrites_its_line_and_keeps_the_typed_view_of_the_other_headers()
    {
        var request = Parse(Request);
        var known = request.Known;
        var contacts = known.Contacts;
        var top = request.TopVia!;
        top.Parameters.Set("received", "198.51.100.7");
        top.Parameters.Set("rport", "40000");

        request.ReplaceTopVia(top);

        Assert.Same(known, request.Known);
        Assert.Same(contacts, request.Known.Contacts);
        Assert.Equal("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKtop;rport=40000;received=198.51.100.7, SIP/2.0/TCP proxy.example.com;branch=z9hG4bKmid", request.Headers[0].Value);
        Assert.Equal("v", request.Headers[0].Name);
        Assert.Equal(["z9hG4bKtop", "z9hG4bKmid", "z9hG4bKlow"], request.Known.Vias.Select(v => v.Branch));
        var again = Parse(Encoding.UTF8.GetString(SipMessageWriter.ToBytes(request)).Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(["198.51.100.7", null, null], again.Known.Vias.Select(v => v.Received));
        Assert.Equal(40000, again.TopVia!.Rport);
    }

    [Fact]
    public void Replacing_the_top_via_of_a_message_without_one_is_refused()
    {
        var request = new SipRequest(SipMethods.Options, AddressUri.Parse("sip:alice@example.com"));

        Assert.Throws<InvalidOperationException>(() => request.ReplaceTopVia(new Via(SipVersion.V2, "UDP", new HostPort("h", null), new SipParameters())));
    }

    [Fact]
    public void A_header_changed_after_parsing_is_typed_from_its_new_value()
    {
        var request = Parse(Request);
        Assert.Equal("b1", request.From!.Tag);

        request.Headers.Set(HeaderNames.From, "<sip:carol@example.org>;tag=c2");

        Assert.Equal("c2", request.From!.Tag);
        Assert.Null(request.Known.Error);
    }

    [Fact]
    public void Received_values_are_decoded_as_utf8_with_folding_undone_only_when_read()
    {
        var request = Parse(Request.Replace("Content-Length: 0", "Subject:  Caf\u00e9\n  au lait \nContent-Length: 0", StringComparison.Ordinal));

        Assert.Equal("Caf\u00e9  au lait", request.Headers.Get(HeaderNames.Subject));
        Assert.Equal("Bob", request.From!.DisplayName);
    }

    private static SipRequest Parse(string text)
    {
        var result = SipMessageParser.Parse(Wire.Bytes(text), SipFraming.Datagram);
        Assert.True(result.Status == SipParseStatus.Complete, result.Rejection?.Reason);
        return Assert.IsType<SipRequest>(result.Message);
    }
}
