namespace Switchboard.Media.Rtp;

/// <summary>An RTCP sender report (with <see cref="Sender"/>) or receiver report (without): what one stream's source says about itself and about what it receives.</summary>
/// <param name="Ssrc">The reporting source.</param>
/// <param name="Sender">The sender information of an SR, null for an RR.</param>
/// <param name="Blocks">Reception statistics, one per source heard.</param>
public sealed record RtcpReport(uint Ssrc, RtcpSenderInfo? Sender, IReadOnlyList<RtcpReportBlock> Blocks);

/// <summary>The sender information of an RTCP SR (RFC 3550 §6.4.1): wall clock and media clock at one instant, plus totals sent.</summary>
public sealed record RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount);

/// <summary>One reception report block (RFC 3550 §6.4.1): loss, jitter and the round-trip fields for one source heard.</summary>
public sealed record RtcpReportBlock(
    uint Ssrc,
    byte FractionLost,
    int CumulativeLost,
    uint HighestSequenceNumber,
    uint Jitter,
    uint LastSenderReport,
    uint DelaySinceLastSenderReport);
