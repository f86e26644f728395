using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Dtmf;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Testing;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>baresip (Debian's baresip-core, headless) as the caller: its own offer is answered by
/// <see cref="OfferAnswerSession"/>, and the WAV it streams as its microphone (keys as tones between silences) reaches an
/// <see cref="RtpSession"/> sample for sample, with the keys found by the in-band detector. The SIP side is <see cref="SipAnswerer"/>.</summary>
[Trait("Category", Categories.Interop)]
public sealed class BaresipCallerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-baresip-").FullName;

    public void Dispose()
    {
        _clock.Dispose();
        Directory.Delete(_folder, recursive: true);
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
        using var answerer = new SipAnswerer();
        using var baresip = PeerProcess.Start("baresip", _folder, "install Debian's baresip-core (tests/setup/50-media.sh does)",
            "-f", _folder, "-t", "20", "-e", $"/dial sip:keys@{answerer.Address}");

        var (offer, result) = await baresip.WhileRunningAsync(answerer.AnswerAsync(media));
        await heard.Enough.WaitAsync(Patience);
        var keys = await MediaTesting.ReadAsync(media.Digits, 8);
        await answerer.AcceptByeAsync();

        Assert.Contains(offer.Attributes, a => a.Name == "tool" && a.Value!.StartsWith("baresip", StringComparison.Ordinal));
        Assert.Equal((AudioCodec.Pcmu, 0, 101, 20), (result.Audio!.Codec, result.Audio.PayloadType, result.Audio.TelephoneEventPayloadType, result.Audio.PtimeMs));
        Assert.Equal(MediaTesting.ThroughG711(AudioCodec.Pcmu, microphone), heard.Samples[..microphone.Length]);
        Assert.Equal("2580", string.Concat(keys.Where(k => k.Kind == DtmfEventKind.Ended).Select(k => k.Digit)));
        Assert.All(keys, k => Assert.Equal(DtmfSource.InBand, k.Source));
        Assert.Equal(result.Audio.RemoteRtp, media.RemoteEndPoint);
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
}
