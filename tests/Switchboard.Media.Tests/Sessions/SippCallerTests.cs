using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Dtmf;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Testing;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>SIPp as the caller: its offers are answered by <see cref="OfferAnswerSession"/> and the media it then sends
/// (RFC 4733 keys from play_dtmf, the A-law speech and key captures of its built-in uac_pcap scenario) reach an
/// <see cref="RtpSession"/>. The SIP side is <see cref="SipAnswerer"/>.</summary>
[Trait("Category", Categories.Interop)]
public sealed class SippCallerTests : IDisposable
{
    private const string Captures = "/usr/share/sip-tester";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-sipp-").FullName;

    public void Dispose()
    {
        _clock.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sipps_play_dtmf_offer_is_answered_on_96_without_no_op_and_each_key_it_sends_arrives_once()
    {
        var (ports, _) = LoopbackPorts.Allocator(1);
        await using var media = RtpSession.Open(ports, _clock, new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) });
        List<DtmfEvent> keys = [];

        var (offer, result) = await TakeCallAsync(
            ["-sf", Path.Combine(AppContext.BaseDirectory, "Sessions", "Sipp", "play-dtmf.xml")], media,
            async () => keys = await MediaTesting.ReadAsync(media.Digits, 12));

        Assert.Equal(["0", "96", "97"], offer.Media[0].Formats);
        Assert.Equal(["0", "96"], result.Answer!.Media[0].Formats);
        Assert.Equal(96, result.Audio!.TelephoneEventPayloadType);
        Assert.Equal(
            ["1 Started 0", "1 Ended 200", "5 Started 0", "5 Ended 200", "9 Started 0", "9 Ended 200",
             "0 Started 0", "0 Ended 200", "* Started 0", "* Ended 200", "# Started 0", "# Ended 200"],
            keys.Select(Rfc4733ReceiverTests.Describe));
        Assert.All(keys, k => Assert.Equal(DtmfSource.Rfc4733, k.Source));
        Assert.Equal(0, media.Rejected);
        Assert.Equal(result.Audio.RemoteRtp, media.RemoteEndPoint);
    }

    [Fact]
    public async Task Sipps_uac_pcap_call_is_answered_in_a_law_and_its_speech_and_key_captures_are_heard_exactly()
    {
        Assert.True(File.Exists(Path.Combine(Captures, "g711a.pcap")), $"{Captures} is missing: install Debian's sip-tester (tests/setup/40-sipp.sh)");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "pcap"), Captures);
        var speech = PcapFile.ReadUdp(Path.Combine(Captures, "g711a.pcap")).Select(p => Payload(p.Payload)).ToArray();
        var expected = speech.SelectMany(p =>
        {
            var decoded = new short[p.Length];
            ALaw.Decode(p, decoded);
            return decoded;
        }).ToArray();
        var heard = new AudioCollector(expected.Length);
        var (ports, _) = LoopbackPorts.Allocator(1);
        await using var media = RtpSession.Open(ports, _clock, new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) });
        media.Sink = heard;
        List<DtmfEvent> keys = [];

        var (_, result) = await TakeCallAsync(["-sn", "uac_pcap"], media, async () =>
        {
            await heard.Enough.WaitAsync(Patience);
            keys = await MediaTesting.ReadAsync(media.Digits, 2);
        });

        Assert.Equal((AudioCodec.Pcma, 8, 101), (result.Audio!.Codec, result.Audio.PayloadType, result.Audio.TelephoneEventPayloadType));
        Assert.Equal(expected, heard.Samples[..expected.Length]);
        Assert.Equal(["1 Started 0", "1 Ended 280"], keys.Select(Rfc4733ReceiverTests.Describe));
        var statistics = media.Statistics!;
        Assert.Equal((speech.Length, 0), (statistics.Received, statistics.CumulativeLost));
        Assert.Equal(0, media.Rejected);
    }

    // Runs SIPp with the scenario against the answerer, keeps the call up while `whileUp` runs, and checks SIPp saw a successful call.
    private async Task<(SessionDescription Offer, OfferAnswerResult Result)> TakeCallAsync(string[] scenario, RtpSession media, Func<Task> whileUp)
    {
        using var answerer = new SipAnswerer();
        using var sipp = PeerProcess.Start("sipp", _folder, "install Debian's sip-tester (./test.sh does, via tests/setup/40-sipp.sh)",
            [.. scenario, "-m", "1", "-i", "127.0.0.1", "-nostdin", "-timeout", "40s", "-timeout_error", answerer.Address]);

        var call = await sipp.WhileRunningAsync(answerer.AnswerAsync(media));
        await whileUp();
        await answerer.AcceptByeAsync();
        var (exit, output) = await sipp.WaitAsync(Patience);

        Assert.True(exit == 0, $"sipp exited with {exit}: {output}");
        return call;
    }

    private static byte[] Payload(byte[] datagram)
    {
        Assert.Null(RtpPacket.TryRead(datagram, out _, out var payload));
        return payload.ToArray();
    }
}
