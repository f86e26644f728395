using Switchboard.Media.Rtp;

namespace Switchboard.Media.Dtmf;

/// <summary>Sends key presses as RFC 4733 telephone events, one packet per packet interval: marker on the first,
/// growing durations while the key is held, and the end packet three times. Keys queue up and go one after another.</summary>
public sealed class Rfc4733Sender
{
    private const int SamplesPerMillisecond = 8;
    private const int EndPacketCopies = 3;
    private const byte Volume = 10;
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromMilliseconds(40);
    private static readonly TimeSpan MaximumDuration = TimeSpan.FromSeconds(8);

    private readonly byte _payloadType;
    private readonly int _packetSamples;
    private readonly Queue<Sending> _queue = new();
    private Sending? _current;
    private Sending? _held;

    /// <summary>A sender using the negotiated telephone-event payload type and packet time.</summary>
    public Rfc4733Sender(byte payloadType, int ptimeMs)
    {
        _payloadType = payloadType;
        _packetSamples = ptimeMs * SamplesPerMillisecond;
    }

    /// <summary>True while a key is being sent or waits to be.</summary>
    public bool IsBusy => _current is not null || _queue.Count > 0;

    /// <summary>Queues a key press held for <paramref name="duration"/> (kept within 40 ms to 8 s).</summary>
    public void Enqueue(char digit, TimeSpan duration) => _queue.Enqueue(new Sending(Code(digit), Samples(duration)));

    /// <summary>Queues a key press whose end is not known yet (a key being held on another call): its packets go on growing
    /// until <see cref="Release"/> (or 8 s). A key still held from before is released first.</summary>
    public void Press(char digit)
    {
        Release(TimeSpan.Zero);
        _held = new Sending(Code(digit), Samples(MaximumDuration));
        _queue.Enqueue(_held);
    }

    /// <summary>Ends the key given to <see cref="Press"/> once it has lasted <paramref name="duration"/> (at least 40 ms, and never
    /// less than what was already sent); does nothing when no key is held.</summary>
    public void Release(TimeSpan duration)
    {
        if (_held is { } held)
        {
            held.Samples = Math.Max(Samples(duration), held.Elapsed);
            _held = null;
        }
    }

    /// <summary>On each packet interval: writes the next event packet into <paramref name="destination"/> and returns its
    /// length, or returns 0 when no key is being sent (the interval carries voice). The caller advances the sequencer's media time either way.</summary>
    public int WriteNext(RtpSequencer sequencer, Span<byte> destination)
    {
        if (_current is null)
        {
            if (!_queue.TryDequeue(out var next))
            {
                return 0;
            }

            _current = next;
            next.Timestamp = sequencer.Timestamp;
        }

        var sending = _current;
        sending.Elapsed = Math.Min(sending.Elapsed + _packetSamples, sending.Samples);
        var end = sending.Elapsed >= sending.Samples;
        var header = sequencer.Next(_payloadType, TelephoneEvent.Size, marker: sending.PacketsSent == 0, timestamp: sending.Timestamp);
        var length = RtpPacket.Write(header, [], destination);
        new TelephoneEvent(sending.Code, end, Volume, (ushort)sending.Elapsed).Write(destination[length..]);
        sending.PacketsSent++;
        if (end && ++sending.EndsSent == EndPacketCopies)
        {
            _current = null;
            if (ReferenceEquals(_held, sending))
            {
                _held = null;
            }
        }

        return length + TelephoneEvent.Size;
    }

    private static byte Code(char digit) => (byte)(DtmfDigits.ToEventCode(digit)
        ?? throw new ArgumentOutOfRangeException(nameof(digit), digit, "not a DTMF key (0-9, *, #, A-D)"));

    private static int Samples(TimeSpan duration) =>
        (int)((duration < MinimumDuration ? MinimumDuration : duration > MaximumDuration ? MaximumDuration : duration).TotalMilliseconds * SamplesPerMillisecond);

    /// <summary>One key press on its way out; its timestamp is the media time of its first packet.</summary>
    private sealed class Sending(byte code, int samples)
    {
        public byte Code { get; } = code;

        public int Samples { get; set; } = samples;

        public uint Timestamp { get; set; }

        public int Elapsed { get; set; }

        public int PacketsSent { get; set; }

        public int EndsSent { get; set; }
    }
}
