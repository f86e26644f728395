using System.Net;
using Switchboard.Media.Codecs;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public class OfferAnswerSessionTests
{
    private static readonly IPAddress Local = IPAddress.Parse("198.51.100.7");

    [Theory]
    [InlineData("sipp-uac.sdp", AudioCodec.Pcmu, 0, null, "127.0.0.1:6000", "127.0.0.1:6001")]
    [InlineData("sipp-uac-pcap.sdp", AudioCodec.Pcma, 8, 101, "127.0.0.1:6000", "127.0.0.1:6001")]
    [InlineData("sipp-play-dtmf.sdp", AudioCodec.Pcmu, 0, 96, "127.0.0.1:6000", "127.0.0.1:6001")]
    [InlineData("baresip-audio-video.sdp", AudioCodec.Pcmu, 0, 101, "192.168.1.50:10054", "192.168.1.50:10055")]
    [InlineData("asterisk.sdp", AudioCodec.Pcmu, 0, 101, "10.10.0.5:12844", "10.10.0.5:12845")]
    [InlineData("freeswitch.sdp", AudioCodec.Pcmu, 0, 101, "172.16.5.20:16384", "172.16.5.20:16385")]
    [InlineData("3cx.sdp", AudioCodec.Pcmu, 0, 101, "192.168.0.10:9008", "192.168.0.10:9009")]
    public void Real_offers_are_answered_with_g711_and_their_own_telephone_event_number(
        string file, AudioCodec codec, int payloadType, int? telephoneEvent, string rtp, string rtcp)
    {
        var offer = SdpParserTests.Parse(OfferFiles.Read(file));

        var result = Session().Answer(offer, 40000);

        Assert.True(result.IsAccepted, result.Error);
        var audio = result.Audio!;
        Assert.Equal(codec, audio.Codec);
        Assert.Equal(payloadType, audio.PayloadType);
        Assert.Equal(telephoneEvent, audio.TelephoneEventPayloadType);
        Assert.Equal(20, audio.PtimeMs);
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
        Assert.Equal(IPEndPoint.Parse(rtp), audio.RemoteRtp);
        Assert.Equal(IPEndPoint.Parse(rtcp), audio.RemoteRtcp);

        var answer = result.Answer!;
        Assert.Equal(offer.Media.Count, answer.Media.Count);
        var answered = answer.Media[audio.MediaIndex];
        Assert.Equal(40000, answered.Port);
        Assert.Equal(telephoneEvent is null ? [$"{payloadType}"] : [$"{payloadType}", $"{telephoneEvent}"], answered.Formats);
        Assert.Equal("198.51.100.7", answer.Connection!.Address);
    }

    [Fact]
    public void Sipp_play_dtmf_offer_gets_this_exact_answer()
    {
        var offer = SdpParserTests.Parse(OfferFiles.Read("sipp-play-dtmf.sdp"));

        var answer = Session().Answer(offer, 40000).Answer!;

        Assert.Equal(
            "v=0\r\n" +
            "o=switchboard 1000 1000 IN IP4 198.51.100.7\r\n" +
            "s=Switchboard\r\n" +
            "c=IN IP4 198.51.100.7\r\n" +
            "t=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0 96\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:96 telephone-event/8000\r\n" +
            "a=fmtp:96 0-15\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n",
            SdpWriter.Write(answer));
    }

    [Theory]
    [InlineData(AudioCodec.Pcma, "asterisk.sdp", 8)]
    [InlineData(AudioCodec.Pcma, "freeswitch.sdp", 8)]
    [InlineData(AudioCodec.Pcmu, "3cx.sdp", 0)]
    [InlineData(AudioCodec.Pcma, "sipp-uac.sdp", 0)]
    public void The_preferred_law_wins_when_offered_and_the_other_is_taken_when_not(AudioCodec preferred, string file, int payloadType)
    {
        var other = preferred == AudioCodec.Pcmu ? AudioCodec.Pcma : AudioCodec.Pcmu;
        var session = Session(new OfferAnswerOptions { Codecs = [preferred, other] });

        var result = session.Answer(SdpParserTests.Parse(OfferFiles.Read(file)), 40000);

        Assert.Equal(payloadType, result.Audio!.PayloadType);
    }

    [Fact]
    public void Other_streams_are_disabled_in_place_and_keep_their_order()
    {
        var offer = SdpParserTests.Parse(OfferFiles.Read("baresip-audio-video.sdp"));

        var answer = Session().Answer(offer, 40000).Answer!;

        Assert.Equal(["audio", "video"], answer.Media.Select(m => m.Media));
        Assert.Equal(0, answer.Media[1].Port);
        Assert.Equal(["100"], answer.Media[1].Formats);
    }

    [Fact]
    public void A_disabled_audio_stream_is_skipped_for_the_next_one()
    {
        var offer = SdpParserTests.Parse(
            "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n" +
            "m=audio 0 RTP/AVP 0\r\nm=audio 5000 RTP/AVP 8\r\nm=audio 5002 RTP/AVP 0\r\n");

        var result = Session().Answer(offer, 40000);

        Assert.Equal(1, result.Audio!.MediaIndex);
        Assert.Equal([0, 40000, 0], result.Answer!.Media.Select(m => m.Port));
    }

    [Theory]
    [InlineData("m=audio 5000 RTP/AVP 18 9\r\na=rtpmap:18 G729/8000\r\n", "m= line 1 (audio) offers no PCMU or PCMA (formats 18 9)")]
    [InlineData("m=audio 5000 RTP/SAVP 0\r\n", "m= line 1 (audio) uses RTP/SAVP; only RTP/AVP is supported")]
    [InlineData("m=audio 0 RTP/AVP 0\r\n", "m= line 1 (audio) is disabled (port 0)")]
    [InlineData("m=image 5000 udptl t38\r\n", "m= line 1 (image) is not audio")]
    [InlineData("m=audio 5000 RTP/AVP 96\r\na=rtpmap:96 PCMU/16000\r\n", "offers no PCMU or PCMA")]
    public void Offers_without_usable_audio_are_rejected_with_a_reason(string media, string reason)
    {
        var offer = SdpParserTests.Parse("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n" + media);

        var result = Session().Answer(offer, 40000);

        Assert.False(result.IsAccepted);
        Assert.Null(result.Answer);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=sendrecv", "10.0.0.1", MediaDirection.SendRecv, true)]
    [InlineData("a=sendonly", "10.0.0.1", MediaDirection.RecvOnly, true)]
    [InlineData("a=recvonly", "10.0.0.1", MediaDirection.SendOnly, true)]
    [InlineData("a=inactive", "10.0.0.1", MediaDirection.Inactive, true)]
    [InlineData("a=sendrecv", "0.0.0.0", MediaDirection.RecvOnly, false)]
    [InlineData("a=recvonly", "0.0.0.0", MediaDirection.Inactive, false)]
    public void The_answer_mirrors_the_offered_direction(string attribute, string address, MediaDirection expected, bool hasRemote)
    {
        var offer = SdpParserTests.Parse(
            $"v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n{attribute}\r\n");

        var result = Session().Answer(offer, 40000);

        Assert.Equal(expected, result.Audio!.Direction);
        Assert.Equal(expected, result.Answer!.Media[0].Direction);
        Assert.Equal(hasRemote, result.Audio.RemoteRtp is not null);
    }

    [Fact]
    public void A_session_level_direction_applies_to_streams_without_their_own()
    {
        var offer = SdpParserTests.Parse(
            "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\na=sendonly\r\nm=audio 5000 RTP/AVP 0\r\n");

        Assert.Equal(MediaDirection.RecvOnly, Session().Answer(offer, 40000).Audio!.Direction);
    }

    [Fact]
    public void Hold_offers_from_pbxs_and_old_phones_are_answered_receive_only()
    {
        var asterisk = Session().Answer(SdpParserTests.Parse(OfferFiles.Read("asterisk-hold.sdp")), 40000).Audio!;
        var phone = Session().Answer(SdpParserTests.Parse(OfferFiles.Read("old-phone-hold.sdp")), 40000).Audio!;

        Assert.Equal(MediaDirection.RecvOnly, asterisk.Direction);
        Assert.Equal(MediaDirection.RecvOnly, phone.Direction);
        Assert.Null(phone.RemoteRtp);
        Assert.Equal(30, phone.PtimeMs);
    }

    [Theory]
    [InlineData("", 20)]
    [InlineData("a=ptime:10\r\n", 10)]
    [InlineData("a=ptime:30\r\n", 30)]
    [InlineData("a=ptime:60\r\n", 60)]
    [InlineData("a=ptime:5\r\n", 10)]
    [InlineData("a=ptime:90\r\n", 60)]
    [InlineData("a=ptime:25\r\n", 30)]
    [InlineData("a=ptime:40\r\na=maxptime:20\r\n", 20)]
    [InlineData("a=ptime:abc\r\n", 20)]
    public void Ptime_follows_the_offer_within_10_to_60_ms(string attributes, int expected)
    {
        var offer = SdpParserTests.Parse(
            $"v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n{attributes}");

        var result = Session().Answer(offer, 40000);

        Assert.Equal(expected, result.Audio!.PtimeMs);
        Assert.Equal(expected, result.Answer!.Media[0].NumberAttribute("ptime"));
    }

    [Fact]
    public void Telephone_events_are_left_out_when_disabled()
    {
        var offer = SdpParserTests.Parse(OfferFiles.Read("asterisk.sdp"));

        var result = Session(new OfferAnswerOptions { TelephoneEvents = false }).Answer(offer, 40000);

        Assert.Null(result.Audio!.TelephoneEventPayloadType);
        Assert.Equal(["0"], result.Answer!.Media[0].Formats);
    }

    [Fact]
    public void The_session_version_rises_only_when_the_description_changes()
    {
        var session = Session();
        var offer = SdpParserTests.Parse(OfferFiles.Read("asterisk.sdp"));
        var hold = SdpParserTests.Parse(OfferFiles.Read("asterisk-hold.sdp"));

        var first = session.Answer(offer, 40000).Answer!.Origin.SessionVersion;
        var same = session.Answer(offer, 40000).Answer!.Origin.SessionVersion;
        var held = session.Answer(hold, 40000).Answer!.Origin.SessionVersion;
        var resumed = session.Answer(offer, 40000).Answer!.Origin.SessionVersion;

        Assert.Equal([1000UL, 1000UL, 1001UL, 1002UL], [first, same, held, resumed]);
    }

    [Fact]
    public void An_invite_without_sdp_gets_an_offer_of_both_laws_and_telephone_events()
    {
        var offer = Session(new OfferAnswerOptions { Codecs = [AudioCodec.Pcma, AudioCodec.Pcmu] }).CreateOffer(40002);

        Assert.Equal(
            "v=0\r\n" +
            "o=switchboard 1000 1000 IN IP4 198.51.100.7\r\n" +
            "s=Switchboard\r\n" +
            "c=IN IP4 198.51.100.7\r\n" +
            "t=0 0\r\n" +
            "m=audio 40002 RTP/AVP 8 0 101\r\n" +
            "a=rtpmap:8 PCMA/8000\r\n" +
            "a=rtpmap:0 PCMU/8000\r\n" +
            "a=rtpmap:101 telephone-event/8000\r\n" +
            "a=fmtp:101 0-15\r\n" +
            "a=ptime:20\r\n" +
            "a=sendrecv\r\n",
            SdpWriter.Write(offer));
    }

    [Fact]
    public void Putting_the_peer_on_hold_offers_sendonly_under_a_new_version_and_the_peers_recvonly_answer_settles_it()
    {
        var session = Session();
        var call = session.Answer(SdpParserTests.Parse(OfferFiles.Read("asterisk.sdp")), 40000).Answer!;

        var hold = session.CreateOffer(40000, MediaDirection.SendOnly);
        var answer = SdpParserTests.Parse(
            "v=0\r\no=- 1999443128 1999443129 IN IP4 10.10.0.5\r\ns=-\r\nc=IN IP4 10.10.0.5\r\nt=0 0\r\n" +
            "m=audio 12844 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=recvonly\r\n");
        var held = session.TakeAnswer(answer);
        var resume = session.CreateOffer(40000);

        Assert.Equal(MediaDirection.SendOnly, hold.Media[0].Direction);
        Assert.Equal([1000UL, 1001UL, 1002UL], [call.Origin.SessionVersion, hold.Origin.SessionVersion, resume.Origin.SessionVersion]);
        Assert.Equal(MediaDirection.SendOnly, held.Audio!.Direction);
        Assert.Equal(IPEndPoint.Parse("10.10.0.5:12844"), held.Audio.RemoteRtp);
        Assert.Equal(MediaDirection.SendRecv, resume.Media[0].Direction);
    }

    [Fact]
    public void The_peers_answer_to_our_offer_settles_codec_events_and_address()
    {
        var session = Session();
        session.CreateOffer(40002);
        var answer = SdpParserTests.Parse(
            "v=0\r\no=- 5 5 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n" +
            "m=audio 7078 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:30\r\na=recvonly\r\n");

        var result = session.TakeAnswer(answer);

        Assert.True(result.IsAccepted, result.Error);
        Assert.Equal(AudioCodec.Pcma, result.Audio!.Codec);
        Assert.Equal(101, result.Audio.TelephoneEventPayloadType);
        Assert.Equal(30, result.Audio.PtimeMs);
        Assert.Equal(MediaDirection.SendOnly, result.Audio.Direction);
        Assert.Equal(IPEndPoint.Parse("10.0.0.9:7078"), result.Audio.RemoteRtp);
    }

    [Theory]
    [InlineData("m=audio 0 RTP/AVP 0\r\n", "rejected the audio stream")]
    [InlineData("m=audio 7078 RTP/AVP 18\r\n", "none of the offered codecs")]
    [InlineData("m=audio 7078 RTP/AVP 0\r\nm=video 0 RTP/AVP 96\r\n", "2 m= lines")]
    public void Answers_that_do_not_fit_our_offer_are_refused(string media, string reason)
    {
        var session = Session();
        session.CreateOffer(40002);
        var answer = SdpParserTests.Parse("v=0\r\no=- 5 5 IN IP4 10.0.0.9\r\ns=-\r\nc=IN IP4 10.0.0.9\r\nt=0 0\r\n" + media);

        var result = session.TakeAnswer(answer);

        Assert.False(result.IsAccepted);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_without_an_offer_is_refused()
    {
        var answer = SdpParserTests.Parse(OfferFiles.Read("sipp-uac.sdp"));

        Assert.Contains("no offer outstanding", Session().TakeAnswer(answer).Error, StringComparison.Ordinal);
    }

    private static OfferAnswerSession Session(OfferAnswerOptions? options = null) =>
        new(options ?? new OfferAnswerOptions(), Local, 1000);
}
