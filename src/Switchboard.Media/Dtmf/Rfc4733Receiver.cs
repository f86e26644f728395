using Switchboard.Media.Rtp;

namespace Switchboard.Media.Dtmf;

/// <summary>Turns RFC 4733 telephone-event packets into key presses: one per event (keyed on SSRC, timestamp and code),
/// reported at its start and at its end. Robust to what real senders do: repeated end packets and repeated sequence
/// numbers (SIPp), events on an SSRC of their own, a lost end packet (closed after a timeout or by the next event), and the
/// same capture replayed later (SIPp's <c>play_pcap_audio</c> sends one key's packets unchanged each time it is pressed).</summary>
public sealed class Rfc4733Receiver
{
    private const int SamplesPerMillisecond = 8;
    private const int RememberedEvents = 8;

    /// <summary>How long packets of an ended event are taken as its repeats; the same event heard later is a new press.</summary>
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromSeconds(1);

    private readonly Action<DtmfEvent> _report;
    private readonly TimeSpan _endTimeout;
    private readonly Queue<(EventKey Key, TimeSpan EndedAt)> _ended = new(RememberedEvents);
    private EventKey? _current;
    private ushort _currentDuration;
    private TimeSpan _lastHeard;

    /// <summary>Reports to <paramref name="report"/>; an event not heard from for <paramref name="endTimeout"/> is taken as ended.</summary>
    public Rfc4733Receiver(Action<DtmfEvent> report, TimeSpan endTimeout)
    {
        _report = report;
        _endTimeout = endTimeout;
    }

    /// <summary>True while an event has started and not ended.</summary>
    public bool Pressed => _current is not null;

    /// <summary>Takes one telephone-event packet that arrived at monotonic time <paramref name="now"/>. Returns null, or why the payload was not usable.</summary>
    public string? Receive(in RtpHeader header, ReadOnlySpan<byte> payload, TimeSpan now)
    {
        var error = TelephoneEvent.TryRead(payload, out var telephoneEvent);
        if (error is not null)
        {
            return error;
        }

        if (DtmfDigits.FromEventCode(telephoneEvent.Code) is null)
        {
            return null;
        }

        var key = new EventKey(header.Ssrc, header.Timestamp, telephoneEvent.Code);
        if (_ended.Any(e => e.Key == key && now - e.EndedAt < RepeatWindow))
        {
            return null;
        }

        if (_current != key)
        {
            if (telephoneEvent.Duration == 0)
            {
                return null;
            }

            Close(now);
            _current = key;
            _currentDuration = 0;
            Emit(key, DtmfEventKind.Started, 0);
        }

        _lastHeard = now;
        _currentDuration = Math.Max(_currentDuration, telephoneEvent.Duration);
        if (telephoneEvent.End)
        {
            Close(now);
        }

        return null;
    }

    /// <summary>Closes an event whose end packets were all lost; call it on the media clock's ticks.</summary>
    public void Expire(TimeSpan now)
    {
        if (_current is not null && now - _lastHeard >= _endTimeout)
        {
            Close(now);
        }
    }

    private void Close(TimeSpan now)
    {
        if (_current is not { } key)
        {
            return;
        }

        _current = null;
        if (_ended.Count == RememberedEvents)
        {
            _ended.Dequeue();
        }

        _ended.Enqueue((key, now));
        _lastHeard = now;
        Emit(key, DtmfEventKind.Ended, _currentDuration);
    }

    private void Emit(EventKey key, DtmfEventKind kind, ushort duration) =>
        _report(new DtmfEvent(DtmfDigits.FromEventCode(key.Code)!.Value, kind,
            TimeSpan.FromMilliseconds((double)duration / SamplesPerMillisecond), DtmfSource.Rfc4733));

    private readonly record struct EventKey(uint Ssrc, uint Timestamp, byte Code);
}
