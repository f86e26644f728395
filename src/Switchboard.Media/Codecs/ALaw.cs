using System.Numerics;

namespace Switchboard.Media.Codecs;

/// <summary>G.711 A-law (PCMA, RTP payload type 8): 16-bit linear audio to 8-bit code words and back, bit-exact with the ITU-T G.191 reference.</summary>
public static class ALaw
{
    // Even bits are inverted on the line (alternate mark inversion), so silence is not a run of zeros.
    private const int EvenBitInversion = 0x55;

    private static readonly byte[] EncodeTable = G711Tables.BuildEncodeTable(Compute);
    private static readonly short[] DecodeTable = G711Tables.BuildDecodeTable(Expand);

    /// <summary>Encodes one linear sample.</summary>
    public static byte Encode(short linear) => EncodeTable[(ushort)linear];

    /// <summary>Decodes one code word.</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="linear"/> into the first <c>linear.Length</c> bytes of <paramref name="codes"/>.</summary>
    public static void Encode(ReadOnlySpan<short> linear, Span<byte> codes) => G711Tables.Encode(EncodeTable, linear, codes);

    /// <summary>Decodes <paramref name="codes"/> into the first <c>codes.Length</c> samples of <paramref name="linear"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> codes, Span<short> linear) => G711Tables.Decode(DecodeTable, codes, linear);

    // The reference quantises the 13 most significant bits; a negative input's magnitude is its ones' complement.
    private static byte Compute(int linear)
    {
        var negative = linear < 0;
        var magnitude = (negative ? ~linear : linear) >> 3;
        int code;
        if (magnitude < 32)
        {
            code = magnitude >> 1;
        }
        else
        {
            var segment = BitOperations.Log2((uint)magnitude) - 4;
            code = (segment << 4) | ((magnitude >> segment) & 0x0F);
        }

        return (byte)((negative ? code : code | 0x80) ^ EvenBitInversion);
    }

    private static short Expand(byte code)
    {
        var line = code ^ EvenBitInversion;
        var segment = (line & 0x70) >> 4;
        var magnitude = ((line & 0x0F) << 4) + 8;
        if (segment > 0)
        {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }

        return (short)((line & 0x80) != 0 ? magnitude : -magnitude);
    }
}
