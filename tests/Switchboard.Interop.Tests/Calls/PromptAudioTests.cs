using Switchboard.Interop.Tests.Audio;
using Switchboard.Interop.Tests.Peers;
using Switchboard.Interop.Tests.Server;
using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Testing;
using Xunit.Abstractions;

namespace Switchboard.Interop.Tests.Calls;

/// <summary>
/// What the caller hears: the RTP the server sends to a SIPp caller's offered port, recorded there, decoded and compared by
/// energy envelope with the prompt recordings the route's app plays (whatsapp-link, English: prompts/en/whatsapp-link).
/// </summary>
[Trait("Category", Categories.Interop)]
public sealed class PromptAudioTests(CallServerFixture fixture, ITestOutputHelper log) : IClassFixture<CallServerFixture>
{
    private const double SamePrompt = 0.9;

    [Fact]
    public async Task A_mobile_caller_hears_link_on_its_way_then_sent_then_goodbye()
    {
        await using var ear = new RtpRecorder();
        var call = await fixture.SippCallAsync(new Sipp.Dial("mobile.xml", fixture.Server.SipUdp, CallServerFixture.Mobile) { SdpMediaPort = ear.Port });

        call.AssertPeerFollowedItsScenario();
        var heard = new EnergyEnvelope(ear.Audio(AudioCodec.Pcma));
        log.WriteLine($"{ear.PacketCount} RTP packets, {heard.Length * 20} ms of A-law audio");
        var from = 0;
        foreach (var key in (string[])["link_on_its_way", "sent", "goodbye"])
        {
            var prompt = Prompt(key);
            var (frame, correlation) = heard.BestMatch(prompt, from);
            log.WriteLine($"{key}: best match at {frame * 20} ms, correlation {correlation:0.000}");
            Assert.True(correlation > SamePrompt, $"The caller did not hear {key} after {from * 20} ms (best correlation {correlation:0.000}).\n{call.Report}");
            from = frame + prompt.Length;
        }

        // The comparison tells prompts apart: one the call never plays matches nowhere.
        var (_, other) = heard.BestMatch(Prompt("cannot_text_caller"));
        log.WriteLine($"cannot_text_caller (not played): best correlation {other:0.000}");
        Assert.True(other < SamePrompt, $"cannot_text_caller, which this call does not play, matched with {other:0.000}.");
    }

    private static EnergyEnvelope Prompt(string key)
    {
        var read = WavReader.Read(File.ReadAllBytes(RepoPaths.InRepo("prompts", "en", "whatsapp-link", key + ".wav")));
        return new EnergyEnvelope(read.Audio?.ToTelephony() ?? throw new InvalidOperationException($"{key}.wav: {read.Error}"));
    }
}
