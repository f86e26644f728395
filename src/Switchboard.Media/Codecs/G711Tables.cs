namespace Switchboard.Media.Codecs;

/// <summary>What both G.711 laws share: a 65,536-entry encode table and a 256-entry decode table, built once from the
/// law's reference arithmetic, and the span loops that run samples through them.</summary>
internal static class G711Tables
{
    public static byte[] BuildEncodeTable(Func<int, byte> compress)
    {
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = compress((short)i);
        }

        return table;
    }

    public static short[] BuildDecodeTable(Func<byte, short> expand)
    {
        var table = new short[256];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = expand((byte)i);
        }

        return table;
    }

    public static void Encode(byte[] table, ReadOnlySpan<short> linear, Span<byte> codes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(codes.Length, linear.Length, nameof(codes));
        for (var i = 0; i < linear.Length; i++)
        {
            codes[i] = table[(ushort)linear[i]];
        }
    }

    public static void Decode(short[] table, ReadOnlySpan<byte> codes, Span<short> linear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(linear.Length, codes.Length, nameof(linear));
        for (var i = 0; i < codes.Length; i++)
        {
            linear[i] = table[codes[i]];
        }
    }
}
