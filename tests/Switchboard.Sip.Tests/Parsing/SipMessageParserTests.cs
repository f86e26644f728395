using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Parsing;

public sealed class SipMessageParserTests
{
    private const string Headers = """
        Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1
        From: <sip:a@example.org>;tag=1
        To: <sip:b@example.com>
        Call-ID: c1
        """;

    public static TheoryData<string, string> MalformedRequests => new()
    {
        { "two spaces in the request line", "OPTIONS  sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\n\n" },
        { "trailing space after the version", "OPTIONS sip:b@example.com SIP/2.0 \n" + Headers + "\nCSeq: 1 OPTIONS\n\n" },
        { "Request-URI in angle brackets", "OPTIONS <sip:b@example.com> SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\n\n" },
        { "headers in the Request-URI", "OPTIONS sip:b@example.com?Subject=x SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\n\n" },
        { "CSeq method differs", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 INVITE\n\n" },
        { "CSeq above 2^32-1", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 4294967296 OPTIONS\n\n" },
        { "Max-Forwards above 255", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\nMax-Forwards: 256\n\n" },
        { "no Call-ID", "OPTIONS sip:b@example.com SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:a@x>;tag=1\nTo: <sip:b@y>\nCSeq: 1 OPTIONS\n\n" },
        { "two To headers", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nTo: <sip:c@example.com>\nCSeq: 1 OPTIONS\n\n" },
        { "empty Via parameters", "OPTIONS sip:b@example.com SIP/2.0\nVia: SIP/2.0/UDP h;;,;\nFrom: <sip:a@x>;tag=1\nTo: <sip:b@y>\nCall-ID: c\nCSeq: 1 OPTIONS\n\n" },
        { "unterminated quoted display name", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers.Replace("To: <sip:b@example.com>", "To: \"Bob <sip:b@example.com>", StringComparison.Ordinal) + "\nCSeq: 1 OPTIONS\n\n" },
        { "space inside <>", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers.Replace("To: <sip:b@example.com>", "To: < sip:b@example.com >", StringComparison.Ordinal) + "\nCSeq: 1 OPTIONS\n\n" },
        { "display name with a comma, unquoted", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers.Replace("To: <sip:b@example.com>", "To: Watson, Thomas <sip:b@example.com>", StringComparison.Ordinal) + "\nCSeq: 1 OPTIONS\n\n" },
        { "addr-spec with '?'", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nContact: sip:b@example.com?Route=x\nCSeq: 1 OPTIONS\n\n" },
        { "a header named like a common non-token word", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nSIP/2.0: x\nCSeq: 1 OPTIONS\n\n" },
        { "header line without colon", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nJunk\nCSeq: 1 OPTIONS\n\n" },
        { "bad escape in the user part", "OPTIONS sip:b%zz@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\n\n" },
        { "Expires above 2^32-1", "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\nExpires: 4294967296\n\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public void Malformed_requests_are_rejected_with_their_headers_kept_for_the_answer(string defect, string text)
    {
        var result = SipMessageParser.Parse(Wire.Bytes(text), SipFraming.Datagram);

        Assert.True(result.Status == SipParseStatus.Rejected, defect);
        Assert.Equal(SipRejectionKind.Malformed, result.Rejection!.Kind);
        Assert.True(result.Rejection.IsRequest);
        Assert.NotNull(result.Rejection.Headers);
        Assert.False(string.IsNullOrEmpty(result.Rejection.Reason));
    }

    [Fact]
    public void Compact_names_folding_and_odd_white_space_are_understood()
    {
        var text = "INVITE sip:b@example.com SIP/2.0\n"
            + "v:  SIP  / 2.0  / TCP     spindle.example.com   ;\n  branch  =   z9hG4bK9ikj8  ,\n SIP  /    2.0   / UDP  192.168.255.111   ; branch=\n z9hG4bK30239\n"
            + "f: \"J Rosenberg \\\\\\\"\"  <sip:j@example.com>\n  ;\n  tag = 98asjd8\n"
            + "TO :\n sip:b@example.com ;   tag    = 1918181833n\n"
            + "i: wsinv@192.0.2.1\n"
            + "cseq: 0009\n  INVITE\n"
            + "MaX-fOrWaRdS: 0068\n"
            + "l: 0\n\n";

        var message = Parse<SipRequest>(text);

        Assert.Equal(2, message.Known.Vias.Count);
        Assert.Equal("TCP", message.Known.Vias[0].Transport);
        Assert.Equal("z9hG4bK9ikj8", message.Known.Vias[0].Branch);
        Assert.Equal("192.168.255.111", message.Known.Vias[1].SentBy.Host);
        Assert.Equal("z9hG4bK30239", message.Known.Vias[1].Branch);
        Assert.Equal("J Rosenberg \\\"", message.From!.DisplayName);
        Assert.Equal("98asjd8", message.From.Tag);
        Assert.Equal("1918181833n", message.To!.Tag);
        Assert.Equal(new CSeq(9, "INVITE"), message.CSeq);
        Assert.Equal(68, message.Known.MaxForwards);
    }

    [Fact]
    public void Multiple_values_in_one_line_and_across_lines_are_all_read_in_order()
    {
        var text = "OPTIONS sip:b@example.com SIP/2.0\n" + Headers.Replace("Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1", "Via: SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/TCP b;branch=z9hG4bK2\nVia: SIP/2.0/UDP c;branch=z9hG4bK3", StringComparison.Ordinal)
            + "\nContact: <sip:x@h1>;q=0.5, \"Y\" <sip:y@h2>\nm: sip:z@h3;expires=60\nCSeq: 1 OPTIONS\n\n";

        var message = Parse<SipRequest>(text);

        Assert.Equal(["a", "b", "c"], message.Known.Vias.Select(v => v.SentBy.Host));
        Assert.Equal(["sip:x@h1", "sip:y@h2", "sip:z@h3"], message.Known.Contacts.Select(c => c.Uri.ToString()));
        Assert.Equal("60", message.Known.Contacts[2].Parameters["expires"]);
    }

    [Fact]
    public void Unknown_headers_are_kept_in_order_and_written_back_byte_identical()
    {
        var text = "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nX-First:  one\n  folded\nCSeq: 1 OPTIONS\nC%6Fntact: <sip:odd@h>\nx-second:two;;,,\nContent-Length: 0\n\n";
        var bytes = Wire.Bytes(text);

        var message = Parse<SipRequest>(text);

        Assert.Equal(["X-First", "C%6Fntact", "x-second"], message.Headers.Select(h => h.Name).Where(n => n.StartsWith('X') || n.StartsWith('x') || n.StartsWith('C') && n.Contains('%', StringComparison.Ordinal)));
        Assert.Equal("one  folded", message.Headers.Get("x-first"));
        Assert.Empty(message.Known.Contacts);
        Assert.Equal(bytes, SipMessageWriter.ToBytes(message));
    }

    [Fact]
    public void A_stream_reports_incomplete_until_the_whole_body_is_there_then_consumes_exactly_one_message()
    {
        var invite = Wire.Bytes("INVITE sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 INVITE\nContent-Type: application/sdp\nContent-Length: 5\n\nv=0\r\n");
        var pipelined = invite.Concat(Wire.Bytes(Wire.Options)).ToArray();

        for (var cut = 0; cut < invite.Length; cut++)
        {
            Assert.Equal(SipParseStatus.Incomplete, SipMessageParser.Parse(invite.AsSpan(0, cut), SipFraming.Stream).Status);
        }

        var first = SipMessageParser.Parse(pipelined, SipFraming.Stream);
        Assert.Equal(SipParseStatus.Complete, first.Status);
        Assert.Equal(invite.Length, first.Consumed);
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(first.Message!.Body.Span));
        var second = SipMessageParser.Parse(pipelined.AsSpan(first.Consumed), SipFraming.Stream);
        Assert.Equal(SipMethods.Options, ((SipRequest)second.Message!).Method);
    }

    [Fact]
    public void Leading_blank_lines_are_skipped_as_keep_alives()
    {
        var bytes = Wire.Bytes("\n\n" + Wire.Options);

        var result = SipMessageParser.Parse(bytes, SipFraming.Stream);

        Assert.Equal(SipParseStatus.Complete, result.Status);
        Assert.Equal(bytes.Length, result.Consumed);
        Assert.Equal(SipParseStatus.Incomplete, SipMessageParser.Parse("\r\n\r\n"u8, SipFraming.Stream).Status);
    }

    public static TheoryData<string, string, SipFraming, SipRejectionKind> ContentLengthRules => new()
    {
        { "larger than the datagram", "Content-Length: 50\n\nv=0", SipFraming.Datagram, SipRejectionKind.Malformed },
        { "negative on UDP", "Content-Length: -5\n\n", SipFraming.Datagram, SipRejectionKind.Unframeable },
        { "negative on TCP", "Content-Length: -5\n\n", SipFraming.Stream, SipRejectionKind.Unframeable },
        { "twice on UDP", "Content-Length: 3\nl: 5\n\nabcde", SipFraming.Datagram, SipRejectionKind.Malformed },
        { "twice on TCP", "Content-Length: 3\nl: 5\n\nabcde", SipFraming.Stream, SipRejectionKind.Unframeable },
        { "not a number", "Content-Length: ten\n\n", SipFraming.Stream, SipRejectionKind.Unframeable },
        { "beyond the size limit", "Content-Length: 70000\n\n", SipFraming.Stream, SipRejectionKind.Unframeable },
    };

    [Theory]
    [MemberData(nameof(ContentLengthRules))]
    public void Content_length_rules_depend_on_the_transport(string _, string tail, SipFraming framing, SipRejectionKind kind)
    {
        var text = "OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\n" + tail;

        var result = SipMessageParser.Parse(Wire.Bytes(text), framing);

        Assert.Equal(SipParseStatus.Rejected, result.Status);
        Assert.Equal(kind, result.Rejection!.Kind);
    }

    [Fact]
    public void On_udp_the_body_runs_to_the_end_of_the_datagram_without_content_length_and_stops_at_it_with_one()
    {
        var without = Parse<SipRequest>("OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\n\nhello");
        var shorter = Parse<SipRequest>("OPTIONS sip:b@example.com SIP/2.0\n" + Headers + "\nCSeq: 1 OPTIONS\nl: 2\n\nhello");

        Assert.Equal("hello", Encoding.ASCII.GetString(without.Body.Span));
        Assert.Equal("he", Encoding.ASCII.GetString(shorter.Body.Span));
    }

    [Fact]
    public void An_oversized_header_section_on_a_stream_is_rejected_instead_of_buffered()
    {
        var huge = Encoding.ASCII.GetBytes("OPTIONS sip:b@example.com SIP/2.0\r\nX: " + new string('a', 20_000));

        var result = SipMessageParser.Parse(huge, SipFraming.Stream);

        Assert.Equal(SipRejectionKind.Unframeable, result.Rejection!.Kind);
    }

    public static TheoryData<string, SipRejectionKind> BadStatusLines => new()
    {
        { "SIP/2.0 4294967301 better not break", SipRejectionKind.Malformed },
        { "SIP/2.0 99 Too Low", SipRejectionKind.Malformed },
        { "SIP/2.0 700 Too High", SipRejectionKind.Malformed },
        { "SIP/2.0 200", SipRejectionKind.Malformed },
        { "SIP/3.0 200 OK", SipRejectionKind.VersionNotSupported },
    };

    [Theory]
    [MemberData(nameof(BadStatusLines))]
    public void Bad_status_lines_are_rejected(string statusLine, SipRejectionKind kind)
    {
        var result = SipMessageParser.Parse(Wire.Bytes(statusLine + "\n" + Headers + "\nCSeq: 1 INVITE\n\n"), SipFraming.Datagram);

        Assert.Equal(kind, result.Rejection!.Kind);
        Assert.False(result.Rejection.IsRequest);
    }

    [Fact]
    public void A_response_with_an_empty_reason_phrase_is_accepted()
    {
        var response = Parse<SipResponse>("SIP/2.0 100 \n" + Headers + "\nCSeq: 1 INVITE\n\n");

        Assert.Equal(100, response.StatusCode);
        Assert.Equal(string.Empty, response.Reason);
    }

    [Fact]
    public void Another_sip_version_is_a_version_rejection_so_a_505_can_be_sent()
    {
        var result = SipMessageParser.Parse(Wire.Bytes("OPTIONS sip:b@example.com SIP/7.0\n" + Headers + "\nCSeq: 1 OPTIONS\n\n"), SipFraming.Datagram);

        Assert.Equal(SipRejectionKind.VersionNotSupported, result.Rejection!.Kind);
        Assert.Equal("OPTIONS", result.Rejection.Method);
    }

    private static T Parse<T>(string text)
        where T : SipMessage
    {
        var result = SipMessageParser.Parse(Wire.Bytes(text), SipFraming.Datagram);
        Assert.True(result.Status == SipParseStatus.Complete, result.Rejection?.Reason);
        return Assert.IsType<T>(result.Message);
    }
}
