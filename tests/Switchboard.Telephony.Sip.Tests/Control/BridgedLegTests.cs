using Switchboard.Calls;
using Switchboard.Media.Codecs;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Telephony.Sip.Control;
using Switchboard.Testing;

namespace Switchboard.Telephony.Sip.Tests.Control;

[Trait("Category", Categories.Interop)]
public sealed class BridgedLegTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DialerFixture _fixture = new();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task When_the_dialled_callee_hangs_up_the_bridge_ends_and_the_caller_is_hung_up()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-answer-then-bye.xml");
        using var _ = sipp;
        await using var caller = LoopbackLine.Open(_fixture.Ports, _fixture.Media.Clock, AudioCodec.Pcmu, telephoneEvent: 101);
        var callerHungUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempt = await _fixture.Dialer().DialAsync(new Destination($"sip:callee@127.0.0.1:{port}"), TimeSpan.FromSeconds(10), CancellationToken.None).WaitAsync(Patience);
        var leg = attempt.Leg!.AsParty();

        await using var bridge = LegBridge.Connect(new BridgeParty("caller", caller.Call, callerHungUp.Task, _ =>
        {
            callerHungUp.TrySetResult();
            return Task.CompletedTask;
        }), leg, CancellationToken.None);
        var end = await bridge.Completion.WaitAsync(Patience);

        Assert.Equal(new BridgeEnd(BridgeEndKind.HungUp, leg), end);
        Assert.True(callerHungUp.Task.IsCompleted, "the caller was hung up with the callee");
        await attempt.Leg.Ended.WaitAsync(Patience);
        Assert.Null(caller.Call.Sink);
        Assert.True((await Sipp.WaitAsync(sipp, Patience)).ExitCode == 0);
        Assert.Equal(DialerFixture.PortPairs - 2, _fixture.Ports.Available);
    }
}
