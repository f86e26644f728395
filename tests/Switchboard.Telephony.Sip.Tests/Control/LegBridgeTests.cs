using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Media.Tests.Sessions;
using Switchboard.Telephony.Sip.Control;

namespace Switchboard.Telephony.Sip.Tests.Control;

// The caller's phone talks to the caller's session, the callee's phone to the leg's session (PCMA); the bridge joins the two sessions.
public sealed class LegBridgeTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly RtpPortAllocator _ports = LoopbackPorts.Allocator(4).Allocator;
    private readonly TaskCompletionSource _callerGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _calleeGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _hungUp = [];
    private LoopbackLine _caller = null!;
    private LoopbackLine _callee = null!;

    public Task InitializeAsync()
    {
        _caller = LoopbackLine.Open(_ports, _clock, AudioCodec.Pcmu, telephoneEvent: 101);
        _callee = LoopbackLine.Open(_ports, _clock, AudioCodec.Pcma, telephoneEvent: 96);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
    }

    public void Dispose() => _clock.Dispose();

    [Fact]
    public async Task Audio_and_a_key_cross_the_bridge_and_the_key_is_reported()
    {
        var heard = new AudioCollector(8000);
        _callee.Phone.Sink = heard;
        await using var bridge = LegBridge.Connect(Party("caller", _caller.Call, _callerGone), Party("callee", _callee.Call, _calleeGone), CancellationToken.None);

        await _caller.Phone.PlayAsync(new AudioClip("tone", Tones.Sines(TimeSpan.FromSeconds(1), (1000, -10))).Play()).WaitAsync(Patience);
        _caller.Phone.SendDigit('5', TimeSpan.FromMilliseconds(80));
        var atCallee = await MediaTesting.ReadAsync(_callee.Phone.Digits, 2);
        var reported = await MediaTesting.ReadAsync(bridge.Digits, 2);

        await heard.Enough.WaitAsync(Patience);
        Assert.True(Rms(heard.Samples) > 1000, $"the callee heard the caller's tone (RMS {Rms(heard.Samples):0})");
        Assert.Equal([('5', DtmfEventKind.Started, DtmfSource.Rfc4733), ('5', DtmfEventKind.Ended, DtmfSource.Rfc4733)], atCallee.Select(e => (e.Digit, e.Kind, e.Source)));
        Assert.All(reported, d => Assert.Same(_caller.Call, d.Leg));
        Assert.Equal("55", string.Concat(reported.Select(d => d.Event.Digit)));
    }

    [Fact]
    public async Task When_one_side_hangs_up_the_other_is_hung_up_and_the_bridge_dissolves()
    {
        var callee = Party("callee", _callee.Call, _calleeGone);
        var bridge = LegBridge.Connect(Party("caller", _caller.Call, _callerGone), callee, CancellationToken.None);

        _calleeGone.SetResult();
        var end = await bridge.Completion.WaitAsync(Patience);

        Assert.Equal(new BridgeEnd(BridgeEndKind.HungUp, callee), end);
        Assert.Equal(["caller"], _hungUp);
        Assert.Null(_caller.Call.Sink);
        Assert.True(bridge.Digits.Completion.IsCompleted);
        await bridge.DisposeAsync();
    }

    [Fact]
    public async Task Tearing_the_bridge_down_leaves_both_sides_up()
    {
        using var tearDown = new CancellationTokenSource();
        var bridge = LegBridge.Connect(Party("caller", _caller.Call, _callerGone), Party("callee", _callee.Call, _calleeGone), tearDown.Token);

        await tearDown.CancelAsync();

        Assert.Equal(new BridgeEnd(BridgeEndKind.TornDown, null), await bridge.Completion.WaitAsync(Patience));
        Assert.Empty(_hungUp);
        Assert.Null(_callee.Call.Sink);
        await bridge.DisposeAsync();
    }

    private BridgeParty Party(string name, RtpSession media, TaskCompletionSource gone) =>
        new(name, media, gone.Task, _ =>
        {
            lock (_hungUp)
            {
                _hungUp.Add(name);
            }

            return Task.CompletedTask;
        });

    internal static double Rms(short[] samples) =>
        samples.Length == 0 ? 0 : Math.Sqrt(samples.Average(s => (double)s * s));
}
