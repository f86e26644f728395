using System.Buffers.Binary;
using System.Text;

namespace Switchboard.Media.Rtp;

/// <summary>Reads and writes compound RTCP packets (RFC 3550 §6): sender and receiver reports, a CNAME, and BYE.</summary>
public static class RtcpPacket
{
    private const byte SenderReport = 200;
    private const byte ReceiverReport = 201;
    private const byte SourceDescription = 202;
    private const byte Goodbye = 203;
    private const int BlockSize = 24;

    /// <summary>Reads a compound packet, adding its SRs and RRs to <paramref name="reports"/>. Returns null, or why the datagram is not valid RTCP.</summary>
    public static string? TryRead(ReadOnlySpan<byte> datagram, ICollection<RtcpReport> reports, out bool bye)
    {
        bye = false;
        if (datagram.Length < 4)
        {
            return "too short for RTCP";
        }

        while (!datagram.IsEmpty)
        {
            if (datagram.Length < 4 || datagram[0] >> 6 != 2)
            {
                return "an RTCP packet header is cut off or not version 2";
            }

            var count = datagram[0] & 0x1F;
            var type = datagram[1];
            var length = (BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) + 1) * 4;
            if (length > datagram.Length)
            {
                return $"an RTCP packet of type {type} claims {length} bytes, {datagram.Length} remain";
            }

            var body = datagram[4..length];
            switch (type)
            {
                case SenderReport or ReceiverReport:
                    var error = ReadReport(body, type == SenderReport, count, reports);
                    if (error is not null)
                    {
                        return error;
                    }

                    break;
                case Goodbye:
                    bye = true;
                    break;
            }

            datagram = datagram[length..];
        }

        return null;
    }

    /// <summary>Writes <paramref name="report"/> followed by an SDES CNAME (and a BYE when <paramref name="bye"/>); returns the length.</summary>
    public static int Write(RtcpReport report, string cname, Span<byte> destination, bool bye = false)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(report.Blocks.Count, 31, nameof(report));
        var offset = 0;
        var reportLength = 8 + (report.Sender is null ? 0 : 20) + (report.Blocks.Count * BlockSize);
        WriteHeader(destination, report.Blocks.Count, report.Sender is null ? ReceiverReport : SenderReport, reportLength);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], report.Ssrc);
        offset += 8;
        if (report.Sender is { } sender)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[offset..], sender.NtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 8)..], sender.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 12)..], sender.PacketCount);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 16)..], sender.OctetCount);
            offset += 20;
        }

        foreach (var block in report.Blocks)
        {
            var span = destination[offset..];
            BinaryPrimitives.WriteUInt32BigEndian(span, block.Ssrc);
            BinaryPrimitives.WriteUInt32BigEndian(span[4..], ((uint)block.FractionLost << 24) | ((uint)Math.Clamp(block.CumulativeLost, -0x800000, 0x7FFFFF) & 0xFFFFFF));
            BinaryPrimitives.WriteUInt32BigEndian(span[8..], block.HighestSequenceNumber);
            BinaryPrimitives.WriteUInt32BigEndian(span[12..], block.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(span[16..], block.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(span[20..], block.DelaySinceLastSenderReport);
            offset += BlockSize;
        }

        var name = Encoding.UTF8.GetBytes(cname);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, 255, nameof(cname));
        var chunkLength = (4 + 2 + name.Length + 1 + 3) & ~3;
        var sdes = destination[offset..(offset + 4 + chunkLength)];
        sdes.Clear();
        WriteHeader(sdes, 1, SourceDescription, 4 + chunkLength);
        BinaryPrimitives.WriteUInt32BigEndian(sdes[4..], report.Ssrc);
        sdes[8] = 1;
        sdes[9] = (byte)name.Length;
        name.CopyTo(sdes[10..]);
        offset += sdes.Length;

        if (bye)
        {
            WriteHeader(destination[offset..], 1, Goodbye, 8);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(offset + 4)..], report.Ssrc);
            offset += 8;
        }

        return offset;
    }

    private static string? ReadReport(ReadOnlySpan<byte> body, bool hasSender, int count, ICollection<RtcpReport> reports)
    {
        var needed = 4 + (hasSender ? 20 : 0) + (count * BlockSize);
        if (body.Length < needed)
        {
            return $"an RTCP {(hasSender ? "SR" : "RR")} with {count} blocks needs {needed + 4} bytes";
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(body);
        RtcpSenderInfo? sender = null;
        var offset = 4;
        if (hasSender)
        {
            sender = new RtcpSenderInfo(
                BinaryPrimitives.ReadUInt64BigEndian(body[4..]),
                BinaryPrimitives.ReadUInt32BigEndian(body[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(body[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(body[20..]));
            offset = 24;
        }

        var blocks = new RtcpReportBlock[count];
        for (var i = 0; i < count; i++, offset += BlockSize)
        {
            var block = body[offset..];
            var lost = BinaryPrimitives.ReadUInt32BigEndian(block[4..]);
            blocks[i] = new RtcpReportBlock(
                BinaryPrimitives.ReadUInt32BigEndian(block),
                (byte)(lost >> 24),
                ((int)(lost << 8)) >> 8,
                BinaryPrimitives.ReadUInt32BigEndian(block[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(block[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(block[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(block[20..]));
        }

        reports.Add(new RtcpReport(ssrc, sender, blocks));
        return null;
    }

    private static void WriteHeader(Span<byte> destination, int count, byte type, int length)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }
}
