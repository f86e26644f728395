using System.Buffers.Binary;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>Reads the UDP payloads of a classic libpcap capture (Ethernet or Linux cooked, IPv4), as SIPp's pcaps are.</summary>
internal static class PcapFile
{
    public static IReadOnlyList<(TimeSpan Time, byte[] Payload)> ReadUdp(string path)
    {
        var data = File.ReadAllBytes(path);
        var magic = BinaryPrimitives.ReadUInt32LittleEndian(data);
        var littleEndian = magic switch
        {
            0xA1B2C3D4 => true,
            0xD4C3B2A1 => false,
            _ => throw new InvalidDataException($"{path} is not a libpcap file (magic {magic:X8})"),
        };
        var linkType = Read32(data.AsSpan(20), littleEndian);
        var linkHeader = linkType switch
        {
            1 => 14,
            113 => 16,
            _ => throw new InvalidDataException($"{path}: link type {linkType} is not supported"),
        };

        var packets = new List<(TimeSpan, byte[])>();
        TimeSpan? first = null;
        for (var offset = 24; offset + 16 <= data.Length;)
        {
            var record = data.AsSpan(offset);
            var time = TimeSpan.FromSeconds(Read32(record, littleEndian)) + TimeSpan.FromMicroseconds(Read32(record[4..], littleEndian));
            var length = (int)Read32(record[8..], littleEndian);
            var frame = record.Slice(16, length);
            offset += 16 + length;

            var ip = frame[linkHeader..];
            if (ip[0] >> 4 != 4 || ip[9] != 17)
            {
                continue;
            }

            var udp = ip[((ip[0] & 0x0F) * 4)..];
            var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            first ??= time;
            packets.Add((time - first.Value, udp[8..udpLength].ToArray()));
        }

        return packets;
    }

    private static uint Read32(ReadOnlySpan<byte> span, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(span) : BinaryPrimitives.ReadUInt32BigEndian(span);
}
