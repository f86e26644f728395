using Switchboard.Media.Audio;
using Switchboard.Media.Bridge;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Dtmf;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Media.Tests.Sessions;

namespace Switchboard.Media.Tests.Bridge;

// A caller (PCMU) talks to leg one, leg two talks to a callee (PCMA); the bridge joins leg one and leg two.
public sealed class MediaBridgeTests : IAsyncLifetime, IDisposable
{
    private const int FrameSamples = 160;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly RtpPortAllocator _ports = LoopbackPorts.Allocator(6).Allocator;
    private RtpSession _caller = null!;
    private RtpSession _legOne = null!;
    private RtpSession _legTwo = null!;
    private RtpSession _callee = null!;

    public Task InitializeAsync()
    {
        // A generous event timeout: on a loaded machine the receive loop may stall longer than the usual 300 ms.
        var legs = new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) };
        var quiet = legs with { SilenceWhenIdle = false };
        _caller = RtpSession.Open(_ports, _clock, quiet);
        _legOne = RtpSession.Open(_ports, _clock, legs);
        _legTwo = RtpSession.Open(_ports, _clock, legs);
        _callee = RtpSession.Open(_ports, _clock, quiet);
        _caller.Start(MediaTesting.Audio(_legOne.LocalEndPoint, AudioCodec.Pcmu, telephoneEvent: 101));
        _legOne.Start(MediaTesting.Audio(_caller.LocalEndPoint, AudioCodec.Pcmu, telephoneEvent: 101));
        _legTwo.Start(MediaTesting.Audio(_callee.LocalEndPoint, AudioCodec.Pcma, telephoneEvent: 96));
        _callee.Start(MediaTesting.Audio(_legTwo.LocalEndPoint, AudioCodec.Pcma, telephoneEvent: 96));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var session in new[] { _caller, _legOne, _legTwo, _callee })
        {
            await session.DisposeAsync();
        }
    }

    public void Dispose() => _clock.Dispose();

    [Fact]
    public async Task Each_party_hears_the_other_transcoded_between_the_laws()
    {
        var heardByCallee = new AudioCollector(0);
        var heardByCaller = new AudioCollector(0);
        (_callee.Sink, _caller.Sink) = (heardByCallee, heardByCaller);
        var fromCaller = MediaTesting.Noise(20 * FrameSamples, 11);
        var fromCallee = MediaTesting.Noise(20 * FrameSamples, 12);
        await using var bridge = MediaBridge.Connect(_legOne, _legTwo);

        await Task.WhenAll(_caller.PlayAsync(new AudioClip("caller", fromCaller).Play()), _callee.PlayAsync(new AudioClip("callee", fromCallee).Play()));

        // Each frame arrives whole, through µ-law on one side and A-law on the other; the relay may put silence between frames.
        var callerViaBoth = MediaTesting.ThroughG711(AudioCodec.Pcma, MediaTesting.ThroughG711(AudioCodec.Pcmu, fromCaller));
        var calleeViaBoth = MediaTesting.ThroughG711(AudioCodec.Pcmu, MediaTesting.ThroughG711(AudioCodec.Pcma, fromCallee));
        await MediaTesting.Eventually(() => FramesFound(heardByCallee.Samples, callerViaBoth) == 20, "the callee heard every frame the caller sent");
        await MediaTesting.Eventually(() => FramesFound(heardByCaller.Samples, calleeViaBoth) == 20, "the caller heard every frame the callee sent");
    }

    [Fact]
    public async Task Keys_are_relayed_with_each_legs_own_events_and_reported_from_both_legs()
    {
        await using var bridge = MediaBridge.Connect(_legOne, _legTwo);

        _caller.SendDigit('*', TimeSpan.FromMilliseconds(80));
        var atCallee = await MediaTesting.ReadAsync(_callee.Digits, 2);
        _callee.SendDigit('5', TimeSpan.FromMilliseconds(60));
        var atCaller = await MediaTesting.ReadAsync(_caller.Digits, 2);
        var seen = await MediaTesting.ReadAsync(bridge.Digits, 4);

        Assert.Equal(["* Started 0", "* Ended 80"], atCallee.Select(Rfc4733ReceiverTests.Describe));
        Assert.Equal(["5 Started 0", "5 Ended 60"], atCaller.Select(Rfc4733ReceiverTests.Describe));
        Assert.Equal([_legOne, _legOne, _legTwo, _legTwo], seen.Select(d => d.Leg));
        Assert.Equal("**55", string.Concat(seen.Select(d => d.Event.Digit)));
    }

    [Fact]
    public async Task A_held_key_reaches_the_other_party_while_it_is_held_and_ends_when_it_is_released()
    {
        await using var bridge = MediaBridge.Connect(_legOne, _legTwo);

        _caller.PressDigit('7');
        var started = await MediaTesting.ReadAsync(_callee.Digits, 1);
        var whileHeld = _callee.Digits.TryPeek(out _);
        _caller.ReleaseDigit(TimeSpan.FromMilliseconds(400));
        var ended = await MediaTesting.ReadAsync(_callee.Digits, 1);

        Assert.Equal(["7 Started 0"], started.Select(Rfc4733ReceiverTests.Describe));
        Assert.False(whileHeld, "the key did not end before it was released");
        Assert.Equal(('7', DtmfEventKind.Ended), (ended[0].Digit, ended[0].Kind));
        Assert.InRange(ended[0].Duration, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task A_key_sent_as_an_event_reaches_a_party_without_telephone_events_as_a_tone()
    {
        var options = new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) };
        await using var legThree = RtpSession.Open(_ports, _clock, options);
        await using var toneOnly = RtpSession.Open(_ports, _clock, options);
        legThree.Start(MediaTesting.Audio(toneOnly.LocalEndPoint, AudioCodec.Pcma, telephoneEvent: null));
        toneOnly.Start(MediaTesting.Audio(legThree.LocalEndPoint, AudioCodec.Pcma, telephoneEvent: null));
        await using var bridge = MediaBridge.Connect(_legOne, legThree);

        _caller.SendDigit('8', TimeSpan.FromMilliseconds(100));
        var heard = await MediaTesting.ReadAsync(toneOnly.Digits, 2);

        Assert.Equal(['8', '8'], heard.Select(e => e.Digit));
        Assert.All(heard, e => Assert.Equal(DtmfSource.InBand, e.Source));
    }

    [Fact]
    public async Task Unbridging_hands_the_legs_back()
    {
        var bridge = MediaBridge.Connect(_legOne, _legTwo);
        await bridge.DisposeAsync();
        await bridge.DisposeAsync();

        Assert.Null(_legOne.Sink);
        Assert.Null(_legTwo.Sink);
        Assert.True(bridge.Digits.Completion.IsCompleted);
        _caller.SendDigit('3', TimeSpan.FromMilliseconds(40));
        Assert.Equal(["3 Started 0", "3 Ended 40"], (await MediaTesting.ReadAsync(_legOne.Digits, 2)).Select(Rfc4733ReceiverTests.Describe));
        Assert.Equal(PlaybackEnd.Finished, await _legTwo.PlayAsync(AudioSources.Silence(TimeSpan.FromMilliseconds(40))).WaitAsync(Patience));
    }

    [Fact]
    public async Task The_bridge_ends_when_a_party_hangs_up()
    {
        await using var bridge = MediaBridge.Connect(_legOne, _legTwo);

        await _legTwo.DisposeAsync();

        await bridge.Ended.WaitAsync(Patience);
    }

    private static int FramesFound(short[] heard, short[] sent) =>
        Enumerable.Range(0, sent.Length / FrameSamples).Count(i => heard.AsSpan().IndexOf(sent.AsSpan(i * FrameSamples, FrameSamples)) >= 0);
}
