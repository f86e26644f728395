using System.Text;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public class SdpParserTests
{
    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("o=- 1 1 IN IP4 1.2.3.4\r\n", 1, "start with v=0")]
    [InlineData("v=1\r\n", 1, "start with v=0")]
    [InlineData("v=0\r\nv=0\r\n", 2, "more than once")]
    [InlineData("v=0\r\ns=-\r\n", 0, "no o= line")]
    [InlineData("v=0\r\no=- 1 IN IP4 1.2.3.4\r\n", 2, "six fields")]
    [InlineData("v=0\r\no=- 1 x IN IP4 1.2.3.4\r\n", 2, "version is not a number")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4\r\n", 3, "three fields")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\nm=audio\r\n", 4, "at least")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\nm=audio 70000 RTP/AVP 0\r\n", 4, "0 to 65535")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\nm=audio 8000/0 RTP/AVP 0\r\n", 4, "port count")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\nm=audio 8000 RTP/AVP\r\n", 4, "no formats")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 8000 RTP/AVP 0\r\n", 0, "no connection address")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\nm=audio 8000 RTP/AVP 0\r\ns=late\r\n", 5, "before the first m=")]
    [InlineData("v=0\r\nhello\r\n", 2, "x=value")]
    [InlineData("v=0\r\nA=b\r\n", 2, "x=value")]
    public void Malformed_bodies_are_rejected_with_the_line_and_a_reason(string body, int line, string reason)
    {
        var result = SdpParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsComplete);
        Assert.Equal(line, result.ErrorLine);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        byte[] body = [.. "v=0\r\ns="u8, 0xC3, 0x28, .. "\r\n"u8];

        var result = SdpParser.Parse(body);

        Assert.Equal(2, result.ErrorLine);
        Assert.Contains("UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_offer_is_read_into_the_model()
    {
        var description = Parse(OfferFiles.Read("baresip-audio-video.sdp"));

        Assert.Equal("-", description.Origin.Username);
        Assert.Equal("1481862512", description.Origin.SessionId);
        Assert.Equal(2938719826UL, description.Origin.SessionVersion);
        Assert.Equal("192.168.1.50", description.Connection!.Address);
        Assert.Equal(new SdpAttributeLine("tool", "baresip 3.10.1"), Assert.Single(description.Attributes));
        Assert.Equal(["audio", "video"], description.Media.Select(m => m.Media));

        var audio = description.Media[0];
        Assert.Equal(10054, audio.Port);
        Assert.Equal("RTP/AVP", audio.Protocol);
        Assert.Equal(["96", "9", "0", "8", "101"], audio.Formats);
        Assert.Equal(new SdpLine('b', "AS:96"), Assert.Single(audio.OtherLines));
        Assert.Equal(new RtpMap(96, "opus", 48000, 2), audio.RtpMapFor("96"));
        Assert.Equal("0-15", audio.FormatParameters("101"));
        Assert.Equal(20, audio.NumberAttribute("ptime"));
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
        Assert.True(audio.HasAttribute("rtcp-rsize"));
    }

    [Fact]
    public void Static_payload_types_without_rtpmap_get_their_rfc_3551_meaning()
    {
        var media = Parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 1.2.3.4\r\nm=audio 4000 RTP/AVP 0 8 18 77\r\n").Media[0];

        Assert.Equal(new RtpMap(0, "PCMU", 8000), media.RtpMapFor("0"));
        Assert.Equal(new RtpMap(8, "PCMA", 8000), media.RtpMapFor("8"));
        Assert.Equal(new RtpMap(18, "G729", 8000), media.RtpMapFor("18"));
        Assert.Null(media.RtpMapFor("77"));
    }

    [Fact]
    public void Lf_only_line_ends_trailing_blanks_and_unknown_lines_are_accepted()
    {
        var description = Parse("v=0\no=- 7 8 IN IP4 1.2.3.4  \ns=x\nc=IN IP4 1.2.3.4\nt=0 0\ny=unknown\nm=audio 4000/2 RTP/AVP 0\n\n");

        Assert.Equal(8UL, description.Origin.SessionVersion);
        Assert.Equal(new SdpLine('y', "unknown"), Assert.Single(description.OtherLines));
        Assert.Equal(2, description.Media[0].PortCount);
    }

    [Fact]
    public void A_disabled_stream_needs_no_address_or_formats()
    {
        var description = Parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=video 0 RTP/AVP\r\n");

        Assert.True(description.Media[0].IsRejected);
        Assert.Empty(description.Media[0].Formats);
    }

    [Theory]
    [MemberData(nameof(OfferFiles.Names), MemberType = typeof(OfferFiles))]
    public void Every_sample_offer_survives_a_round_trip_through_the_writer(string file)
    {
        var original = Parse(OfferFiles.Read(file));

        var written = SdpWriter.Write(original);
        var again = SdpWriter.Write(Parse(written));

        Assert.Equal(written, again);
        Assert.Equal(NormalizedLines(OfferFiles.Read(file)), NormalizedLines(written));
    }

    [Fact]
    public void The_writer_puts_lines_in_rfc_order_and_ends_each_with_crlf()
    {
        var description = new SessionDescription
        {
            Origin = new SdpOrigin("u", "1", 2, new SdpConnection("IN", "IP4", "1.2.3.4")),
            Connection = new SdpConnection("IN", "IP4", "1.2.3.4"),
            OtherLines = [new SdpLine('b', "AS:64"), new SdpLine('i', "info")],
            Attributes = [new SdpAttributeLine("recvonly")],
            Media = [new MediaDescription { Media = "audio", Port = 4000, Protocol = "RTP/AVP", Formats = ["0"] }],
        };

        Assert.Equal(
            "v=0\r\no=u 1 2 IN IP4 1.2.3.4\r\ns=-\r\ni=info\r\nc=IN IP4 1.2.3.4\r\nb=AS:64\r\nt=0 0\r\na=recvonly\r\nm=audio 4000 RTP/AVP 0\r\n",
            SdpWriter.Write(description));
    }

    internal static SessionDescription Parse(string body)
    {
        var result = SdpParser.Parse(Encoding.UTF8.GetBytes(body));
        Assert.True(result.IsComplete, result.Error);
        return result.Description!;
    }

    private static string[] NormalizedLines(string body) =>
        body.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
