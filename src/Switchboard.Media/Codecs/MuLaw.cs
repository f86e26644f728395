using System.Numerics;

namespace Switchboard.Media.Codecs;

/// <summary>G.711 µ-law (PCMU, RTP payload type 0): 16-bit linear audio to 8-bit code words and back, bit-exact with the ITU-T G.191 reference.</summary>
public static class MuLaw
{
    private const int Bias = 0x84;

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

    // The reference quantises the 14 most significant bits; a negative input's magnitude is taken as its
    // ones' complement, so -1 falls in the same step as 0 (with the sign bit clear).
    private static byte Compute(int linear)
    {
        var negative = linear < 0;
        var magnitude = Math.Min(((negative ? ~linear : linear) >> 2) + (Bias >> 2), 0x1FFF);
        var shift = BitOperations.Log2((uint)magnitude) - 4;
        var step = (magnitude >> shift) & 0x0F;
        var code = ((8 - shift) << 4) | (0x0F - step);
        return (byte)(negative ? code : code | 0x80);
    }

    private static short Expand(byte code)
    {
        var inverted = ~code;
        var segment = (inverted & 0x70) >> 4;
        var magnitude = ((((inverted & 0x0F) << 3) + Bias) << segment) - Bias;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }
}
