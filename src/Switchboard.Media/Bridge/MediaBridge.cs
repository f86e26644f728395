using System.Threading.Channels;
using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Bridge;

/// <summary>Connects two calls' media: each leg's received audio is played out on the other (decoded and re-encoded, so
/// PCMU and PCMA legs hear each other), and key presses are relayed (RFC 4733 events re-sent live, as they start, last and
/// end, with the other leg's own payload type and timestamps, or played as tones to a leg without telephone events; in-band
/// tones travel in the audio) and reported from both legs in <see cref="Digits"/>.
/// While bridged, the bridge reads the legs' <see cref="RtpSession.Digits"/>; disposing it hands the legs back.</summary>
public sealed class MediaBridge : IAsyncDisposable
{
    // Tones made for a leg without telephone events: long enough for any detector, short enough to fit the relay.
    private static readonly TimeSpan MinimumTone = TimeSpan.FromMilliseconds(60);
    private static readonly TimeSpan MaximumTone = TimeSpan.FromMilliseconds(150);

    private readonly RtpSession _first;
    private readonly RtpSession _second;
    private readonly RelayBuffer _toFirst = new();
    private readonly RelayBuffer _toSecond = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<BridgedDigit> _digits = Channel.CreateUnbounded<BridgedDigit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _relaying;
    private int _disposed;

    private MediaBridge(RtpSession first, RtpSession second)
    {
        _first = first;
        _second = second;
        first.Sink = _toSecond;
        second.Sink = _toFirst;
        _ = first.PlayAsync(_toFirst);
        _ = second.PlayAsync(_toSecond);
        _relaying = Task.WhenAll(
            Task.Run(() => RelayDigitsAsync(first, second, _toSecond, _stop.Token)),
            Task.Run(() => RelayDigitsAsync(second, first, _toFirst, _stop.Token)));
        Ended = Task.WhenAny(first.Closed, second.Closed);
    }

    /// <summary>Key presses heard on either leg, tagged with the leg.</summary>
    public ChannelReader<BridgedDigit> Digits => _digits.Reader;

    /// <summary>Completes when either leg closes (a party hung up).</summary>
    public Task Ended { get; }

    /// <summary>Bridges two started sessions, replacing whatever each was playing.</summary>
    public static MediaBridge Connect(RtpSession first, RtpSession second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (ReferenceEquals(first, second))
        {
            throw new ArgumentException("a session cannot be bridged to itself", nameof(second));
        }

        return new MediaBridge(first, second);
    }

    /// <summary>Unbridges: the legs stop hearing each other (their relay playback finishes), their sinks are cleared, and
    /// their digits go back to whoever reads <see cref="RtpSession.Digits"/>. <see cref="Digits"/> completes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _relaying.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Detach(_first, _toSecond, _toFirst);
            Detach(_second, _toFirst, _toSecond);
            _digits.Writer.TryComplete();
            _stop.Dispose();
        }
    }

    private static void Detach(RtpSession leg, RelayBuffer sink, RelayBuffer source)
    {
        if (leg.Sink == sink)
        {
            leg.Sink = null;
        }

        source.Close();
    }

    // Keys that came as events (or SIP INFO) go on live as the other leg's own events (its payload type, SSRC and media time):
    // pressed there when they start here, growing while held, released with the duration heard here. A leg without telephone
    // events hears the key as a tone once it ends. Keys heard as tones are already in the relayed audio.
    private async Task RelayDigitsAsync(RtpSession from, RtpSession to, RelayBuffer toAudio, CancellationToken cancellation)
    {
        var held = false;
        try
        {
            await foreach (var key in from.Digits.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                _digits.Writer.TryWrite(new BridgedDigit(from, key));
                if (key.Source == DtmfSource.InBand)
                {
                    continue;
                }

                if (key.Kind == DtmfEventKind.Started)
                {
                    held = to.CanSendDigits;
                    if (held)
                    {
                        to.PressDigit(key.Digit);
                    }
                }
                else if (held)
                {
                    to.ReleaseDigit(key.Duration);
                    held = false;
                }
                else
                {
                    var tone = key.Duration < MinimumTone ? MinimumTone : key.Duration > MaximumTone ? MaximumTone : key.Duration;
                    toAudio.Write(Tones.Dtmf(key.Digit, tone));
                }
            }
        }
        finally
        {
            if (held)
            {
                to.ReleaseDigit(TimeSpan.Zero);
            }
        }
    }
}
