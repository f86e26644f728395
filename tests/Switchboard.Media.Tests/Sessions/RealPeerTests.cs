using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
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

/// <summary>Real peers on the other end of an <see cref="RtpSession"/>, with <see cref="OfferAnswerSession"/> on our side of
/// the offer/answer (the SIP side is <see cref="SipSignalling"/>): SIPp's play_dtmf keys as RFC 4733 events, the A-law
/// speech and key captures of SIPp's built-in uac_pcap scenario, baresip (Debian's baresip-core, headless) streaming a
/// WAV as its microphone, and a SIPp callee answering our offer and echoing our RTP.</summary>
[Trait("Category", Categories.Interop)]
[Collection(nameof(RealPeerTests))]
public sealed class RealPeerTests : IDisposable
{
    private const string Captures = "/usr/share/sip-tester";
    private const string InstallSipp = "install Debian's sip-tester (./test.sh does, via tests/setup/40-sipp.sh)";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-peers-").FullName;

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
        Assert.True(File.Exists(Path.Combine(Captures, "g711a.pcap")), $"{Captures} is missing: {InstallSipp}");
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

    [Fact]
    public async Task Baresips_offer_is_answered_and_its_microphone_audio_arrives_exactly_with_the_keys_in_it()
    {
        var microphone = DtmfSignals.Keyed("2580".Select(k => new DtmfSignals.Tone(k, 80)), pauseMs: 80);
        microphone = microphone[..(microphone.Length / 160 * 160)];
        File.WriteAllBytes(Path.Combine(_folder, "microphone.wav"), WavWriter.Write(microphone, 8000));
        WriteConfiguration();
        var heard = new AudioCollector(microphone.Length);
        var (ports, _) = LoopbackPorts.Allocator(1);
        await using var media = RtpSession.Open(ports, _clock, new RtpSessionOptions { InBandDtmf = InBandDtmf.Always });
        media.Sink = heard;
        using var signalling = new SipSignalling();
        using var baresip = PeerProcess.Start("baresip", _folder, "install Debian's baresip-core (tests/setup/50-media.sh does)",
            "-f", _folder, "-t", "20", "-e", $"/dial sip:keys@{signalling.Address}");

        var (offer, result) = await baresip.WhileRunningAsync(signalling.AnswerAsync(media));
        await heard.Enough.WaitAsync(Patience);
        var keys = await MediaTesting.ReadAsync(media.Digits, 8);
        await signalling.AcceptByeAsync();

        Assert.Contains(offer.Attributes, a => a.Name == "tool" && a.Value!.StartsWith("baresip", StringComparison.Ordinal));
        Assert.Equal((AudioCodec.Pcmu, 0, 101, 20), (result.Audio!.Codec, result.Audio.PayloadType, result.Audio.TelephoneEventPayloadType, result.Audio.PtimeMs));
        Assert.Equal(MediaTesting.ThroughG711(AudioCodec.Pcmu, microphone), heard.Samples[..microphone.Length]);
        Assert.Equal("2580", string.Concat(keys.Where(k => k.Kind == DtmfEventKind.Ended).Select(k => k.Digit)));
        Assert.All(keys, k => Assert.Equal(DtmfSource.InBand, k.Source));
        Assert.Equal(result.Audio.RemoteRtp, media.RemoteEndPoint);
    }

    [Fact]
    public async Task Our_offer_is_answered_by_a_sipp_callee_and_the_prompt_it_echoes_back_is_heard_exactly()
    {
        using var signalling = new SipSignalling();
        var (sipPort, mediaPort) = (FreeUdpPort(), FreeUdpPort());
        using var sipp = PeerProcess.Start("sipp", _folder, InstallSipp,
            "-sf", Path.Combine(AppContext.BaseDirectory, "Sessions", "Sipp", "answer-echo.xml"), "-i", "127.0.0.1", "-p", $"{sipPort}",
            "-mp", $"{mediaPort}", "-rtp_echo", "-m", "1", "-nostdin", "-timeout", "40s", "-timeout_error");
        var (ports, _) = LoopbackPorts.Allocator(1);
        await using var media = RtpSession.Open(ports, _clock, new RtpSessionOptions { SilenceWhenIdle = false });
        var prompt = MediaTesting.Noise(8 * 160, 11);
        var heard = new AudioCollector(prompt.Length);
        media.Sink = heard;

        var (_, result) = await sipp.WhileRunningAsync(signalling.CallAsync(new IPEndPoint(IPAddress.Loopback, sipPort), media));
        await media.PlayAsync(new AudioClip("prompt", prompt).Play()).WaitAsync(Patience);
        await heard.Enough.WaitAsync(Patience);
        await signalling.HangUpAsync();
        var (exit, output) = await sipp.WaitAsync(Patience);

        Assert.True(exit == 0, $"sipp exited with {exit}: {output}");
        Assert.Equal((AudioCodec.Pcmu, 0, (int?)null), (result.Audio!.Codec, result.Audio.PayloadType, result.Audio.TelephoneEventPayloadType));
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, mediaPort), result.Audio.RemoteRtp);
        Assert.Equal(MediaTesting.ThroughG711(AudioCodec.Pcmu, prompt), heard.Samples[..prompt.Length]);
        Assert.Equal((8L, 0L), (media.Statistics!.Received, media.Statistics.CumulativeLost));
    }

    // Runs SIPp with the scenario as the caller, keeps the call up while `whileUp` runs, and checks SIPp saw a successful call.
    private async Task<(SessionDescription Offer, OfferAnswerResult Result)> TakeCallAsync(string[] scenario, RtpSession media, Func<Task> whileUp)
    {
        using var signalling = new SipSignalling();
        using var sipp = PeerProcess.Start("sipp", _folder, InstallSipp,
            [.. scenario, "-m", "1", "-i", "127.0.0.1", "-nostdin", "-timeout", "40s", "-timeout_error", signalling.Address]);

        var call = await sipp.WhileRunningAsync(signalling.AnswerAsync(media));
        await whileUp();
        await signalling.AcceptByeAsync();
        var (exit, output) = await sipp.WaitAsync(Patience);

        Assert.True(exit == 0, $"sipp exited with {exit}: {output}");
        return call;
    }

    // Headless: SIP on loopback, the WAV file as the microphone, no sound card and no user interface beyond the command line.
    private void WriteConfiguration()
    {
        File.WriteAllText(Path.Combine(_folder, "accounts"), "<sip:caller@127.0.0.1>;regint=0\n");
        File.WriteAllLines(Path.Combine(_folder, "config"),
        [
            "poll_method epoll",
            "sip_listen 127.0.0.1:0",
            "net_interface 127.0.0.1",
            $"audio_source aufile,{Path.Combine(_folder, "microphone.wav")}",
            $"audio_player aufile,{Path.Combine(_folder, "unused.wav")}",
            $"audio_alert aufile,{Path.Combine(_folder, "unused.wav")}",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aufile.so",
            "module_app account.so",
            "module_app menu.so",
        ]);
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static byte[] Payload(byte[] datagram)
    {
        Assert.Null(RtpPacket.TryRead(datagram, out _, out var payload));
        return payload.ToArray();
    }
}

/// <summary>The real-peer tests run on their own, not beside the other session and bridge tests, so that SIPp and baresip
/// do not compete for the CPU with the loopback tests that depend on timing.</summary>
[CollectionDefinition(nameof(RealPeerTests), DisableParallelization = true)]
public sealed class RealPeersRunAlone;
