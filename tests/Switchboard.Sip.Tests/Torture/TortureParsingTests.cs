using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Torture;

public sealed class TortureParsingTests
{
    [TortureTheory]
    [MemberData(nameof(TortureMessages.Names), MemberType = typeof(TortureMessages))]
    public void Each_message_parses_or_is_rejected_as_rfc4475_says(string name)
    {
        var result = SipMessageParser.Parse(TortureMessages.Read(name), SipFraming.Datagram);

        Assert.True(
            TortureMessages.Expected[name].Parses == (result.Status == SipParseStatus.Complete),
            $"{name}: {result.Status} {result.Rejection?.Reason}");
        Assert.NotEqual(SipParseStatus.Incomplete, result.Status);
    }

    [TortureTheory]
    [InlineData(0)]
    public void Contact_params_in_the_addr_spec_form_are_header_params_and_inside_brackets_uri_params(int _)
    {
        var bare = Parse("cparam01").Known.Contacts.Single();
        var bracketed = Parse("cparam02").Known.Contacts.Single();

        Assert.True(bare.Parameters.Contains("unknownparam"));
        Assert.True(((SipUri)bracketed.Uri).Parameters.Contains("unknownparam"));
        Assert.False(bracketed.Parameters.Contains("unknownparam"));
    }

    [TortureTheory]
    [InlineData(0)]
    public void An_escaped_header_in_a_bracketed_contact_is_a_uri_header(int _)
    {
        var contact = (SipUri)Parse("regescrt").Known.Contacts.Single().Uri;

        Assert.Equal(new KeyValuePair<string, string>("Route", "<sip:sip.example.com>"), Assert.Single(contact.Headers));
    }

    [TortureTheory]
    [InlineData(0)]
    public void An_escaped_method_is_not_register_and_an_escaped_header_name_is_not_contact(int _)
    {
        var request = Assert.IsType<SipRequest>(Parse("esc02"));

        Assert.Equal("RE%47IST%45R", request.Method);
        Assert.Equal(2, request.Known.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", request.Headers.Get("C%6Fntact"));
    }

    [TortureTheory]
    [InlineData(0)]
    public void Bytes_after_content_length_in_a_datagram_are_ignored(int _)
    {
        var request = Assert.IsType<SipRequest>(Parse("dblreq"));

        Assert.Equal(SipMethods.Register, request.Method);
        Assert.True(request.Body.IsEmpty);
    }

    [TortureTheory]
    [InlineData(0)]
    public void Escapes_in_the_request_uri_and_a_nul_in_a_user_part_are_decoded(int _)
    {
        Assert.Equal("sips:user@example.com", ((SipUri)((SipRequest)Parse("esc01")).RequestUri).User);
        Assert.Equal("null-\0-null", ((SipUri)Parse("escnull").To!.Uri).User);
    }

    [TortureTheory]
    [MemberData(nameof(TortureMessages.Names), MemberType = typeof(TortureMessages))]
    public void A_parsed_message_is_written_back_byte_identical_up_to_its_body(string name)
    {
        var bytes = TortureMessages.Read(name);
        var result = SipMessageParser.Parse(bytes, SipFraming.Datagram);
        if (result.Status != SipParseStatus.Complete || !result.Message!.Headers.Contains(HeaderNames.ContentLength) || name == "dblreq")
        {
            return;
        }

        Assert.Equal(bytes, SipMessageWriter.ToBytes(result.Message));
    }

    private static SipMessage Parse(string name)
    {
        var result = SipMessageParser.Parse(TortureMessages.Read(name), SipFraming.Datagram);
        Assert.True(result.Status == SipParseStatus.Complete, result.Rejection?.Reason);
        return result.Message!;
    }
}
