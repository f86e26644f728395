using System.Threading.Channels;
using Switchboard.Media.Bridge;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>
/// Two calls Switchboard holds, talking to each other through Media's <see cref="MediaBridge"/> until one hangs up (the
/// other then gets BYE) or the bridge is torn down (both stay up, unbridged). Keys from both sides are reported in
/// <see cref="Digits"/> for in-call feature codes.
/// </summary>
public sealed class LegBridge : IAsyncDisposable
{
    private readonly MediaBridge _media;
    private readonly CancellationTokenSource _tearDown;

    private LegBridge(BridgeParty first, BridgeParty second, CancellationToken ct)
    {
        First = first;
        Second = second;
        _media = MediaBridge.Connect(first.Media, second.Media);
        _tearDown = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Completion = RunAsync();
    }

    /// <summary>The side given first.</summary>
    public BridgeParty First { get; }

    /// <summary>The side given second.</summary>
    public BridgeParty Second { get; }

    /// <summary>Keys pressed on either side while bridged, tagged with the side's RTP session; completes when the bridge ends.</summary>
    public ChannelReader<BridgedDigit> Digits => _media.Digits;

    /// <summary>How the bridge ended, once it has; the media bridge is dissolved by then and a hung-up side's partner has had its BYE.</summary>
    public Task<BridgeEnd> Completion { get; }

    /// <summary>Bridges two answered calls until one hangs up or <paramref name="ct"/> tears the bridge down.</summary>
    public static LegBridge Connect(BridgeParty first, BridgeParty second, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new LegBridge(first, second, ct);
    }

    /// <summary>Tears the bridge down without hanging anyone up, and waits for <see cref="Completion"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _tearDown.CancelAsync();
        await Completion;
        _tearDown.Dispose();
    }

    private async Task<BridgeEnd> RunAsync()
    {
        var tornDown = Task.Delay(Timeout.Infinite, _tearDown.Token);
        var ended = await Task.WhenAny(First.Ended, Second.Ended, tornDown);
        await _media.DisposeAsync();
        if (ended == tornDown)
        {
            return new BridgeEnd(BridgeEndKind.TornDown, null);
        }

        var (gone, remaining) = ended == First.Ended ? (First, Second) : (Second, First);
        await remaining.HangUpAsync(CancellationToken.None);
        return new BridgeEnd(BridgeEndKind.HungUp, gone);
    }
}

/// <summary>How a <see cref="LegBridge"/> ended.</summary>
/// <param name="Kind">A side hung up, or the bridge was torn down.</param>
/// <param name="HungUp">The side that hung up first (its partner was then hung up), or null when torn down.</param>
public sealed record BridgeEnd(BridgeEndKind Kind, BridgeParty? HungUp);

/// <summary>The ways a <see cref="LegBridge"/> ends.</summary>
public enum BridgeEndKind
{
    /// <summary>One side hung up; the other was hung up with it.</summary>
    HungUp,

    /// <summary>The bridge was dissolved with both sides still up.</summary>
    TornDown,
}
