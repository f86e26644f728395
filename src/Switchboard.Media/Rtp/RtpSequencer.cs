namespace Switchboard.Media.Rtp;

/// <summary>The sending side of one RTP stream: its SSRC, the next sequence number, and the media timestamp, all starting at random values (RFC 3550 §5.1).</summary>
public sealed class RtpSequencer
{
    private ushort _sequenceNumber;

    /// <summary>Starts a stream with random SSRC, sequence number and timestamp.</summary>
    public RtpSequencer()
        : this((uint)Random.Shared.NextInt64(1, uint.MaxValue), (ushort)Random.Shared.Next(ushort.MaxValue + 1), (uint)Random.Shared.NextInt64(uint.MaxValue))
    {
    }

    /// <summary>Starts a stream with given values (tests, and resuming a stream).</summary>
    public RtpSequencer(uint ssrc, ushort firstSequenceNumber, uint firstTimestamp)
    {
        Ssrc = ssrc;
        _sequenceNumber = firstSequenceNumber;
        Timestamp = firstTimestamp;
    }

    /// <summary>The stream's synchronisation source.</summary>
    public uint Ssrc { get; }

    /// <summary>The timestamp of the next packet's media.</summary>
    public uint Timestamp { get; private set; }

    /// <summary>Packets handed out so far.</summary>
    public long PacketCount { get; private set; }

    /// <summary>Payload octets reported with <see cref="Next"/> so far.</summary>
    public long OctetCount { get; private set; }

    /// <summary>The header for the next packet, which carries <paramref name="payloadLength"/> octets and is stamped with <paramref name="timestamp"/> (default: the current media time).</summary>
    public RtpHeader Next(byte payloadType, int payloadLength, bool marker = false, uint? timestamp = null)
    {
        PacketCount++;
        OctetCount += payloadLength;
        return new RtpHeader(payloadType, _sequenceNumber++, timestamp ?? Timestamp, Ssrc, marker);
    }

    /// <summary>Moves media time on by <paramref name="samples"/> (one packet's worth, sent or not).</summary>
    public void Advance(int samples) => Timestamp += (uint)samples;
}
