using System.Buffers.Binary;

namespace Switchboard.Media.Rtp;

/// <summary>Reads and writes RTP packets (RFC 3550) on spans, without allocating.</summary>
public static class RtpPacket
{
    /// <summary>The size of the fixed header Switchboard writes.</summary>
    public const int HeaderSize = 12;

    /// <summary>Reads one datagram. Returns null and sets <paramref name="header"/> and <paramref name="payload"/>, or returns why the datagram is not a valid RTP packet.</summary>
    public static string? TryRead(ReadOnlySpan<byte> datagram, out RtpHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (datagram.Length < HeaderSize)
        {
            return $"{datagram.Length} bytes is shorter than an RTP header";
        }

        var first = datagram[0];
        if (first >> 6 != 2)
        {
            return $"RTP version {first >> 6} is not 2";
        }

        var second = datagram[1];
        var payloadType = (byte)(second & 0x7F);
        if (payloadType is >= 72 and <= 76)
        {
            return "payload type 72–76 is RTCP, not RTP";
        }

        var offset = HeaderSize + ((first & 0x0F) * 4);
        if ((first & 0x10) != 0)
        {
            if (datagram.Length < offset + 4)
            {
                return "the header extension is cut off";
            }

            offset += 4 + (BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]) * 4);
        }

        var end = datagram.Length;
        if ((first & 0x20) != 0)
        {
            var padding = datagram[^1];
            if (padding == 0)
            {
                return "the padding count is zero";
            }

            end -= padding;
        }

        if (offset > end)
        {
            return "the CSRC list, extension or padding runs past the end of the packet";
        }

        header = new RtpHeader(
            payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
            (second & 0x80) != 0);
        payload = datagram[offset..end];
        return null;
    }

    /// <summary>Writes the header and payload into <paramref name="destination"/>; returns the packet length.</summary>
    public static int Write(in RtpHeader header, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(header.PayloadType, (byte)127, nameof(header));
        var length = HeaderSize + payload.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, length, nameof(destination));
        destination[0] = 0x80;
        destination[1] = (byte)(header.PayloadType | (header.Marker ? 0x80 : 0));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], header.SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], header.Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], header.Ssrc);
        payload.CopyTo(destination[HeaderSize..]);
        return length;
    }
}
