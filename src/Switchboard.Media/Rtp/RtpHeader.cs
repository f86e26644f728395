namespace Switchboard.Media.Rtp;

/// <summary>The fields of an RTP fixed header (RFC 3550 §5.1) that a voice stream uses; CSRCs and extensions are skipped on read and never written.</summary>
/// <param name="PayloadType">0–127.</param>
/// <param name="SequenceNumber">Increments by one per packet, wrapping at 65536.</param>
/// <param name="Timestamp">The sampling instant of the first octet, in clock-rate units (8000 Hz for G.711).</param>
/// <param name="Ssrc">The synchronisation source: which stream the packet belongs to.</param>
/// <param name="Marker">Set on the first packet of a talk spurt or of a telephone event.</param>
public readonly record struct RtpHeader(byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc, bool Marker = false);
