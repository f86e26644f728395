using Switchboard.Media.Codecs;

namespace Switchboard.Media.Tests.Codecs;

public class G711Tests
{
    [Fact]
    public void Mu_law_encodes_every_linear_input_like_the_reference()
    {
        var mismatches = new List<string>();
        for (int linear = short.MinValue; linear <= short.MaxValue; linear++)
        {
            var expected = ReferenceMuLaw((short)linear);
            var actual = MuLaw.Encode((short)linear);
            if (actual != expected)
            {
                mismatches.Add($"{linear}: {actual:X2} != {expected:X2}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Mu_law_decodes_every_code_word_like_the_reference()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(SpandspG711.ULawToLinear((byte)code), MuLaw.Decode((byte)code));
        }
    }

    [Fact]
    public void A_law_encodes_every_linear_input_like_the_reference()
    {
        var mismatches = new List<string>();
        for (int linear = short.MinValue; linear <= short.MaxValue; linear++)
        {
            var expected = SpandspG711.LinearToALaw((short)linear);
            var actual = ALaw.Encode((short)linear);
            if (actual != expected)
            {
                mismatches.Add($"{linear}: {actual:X2} != {expected:X2}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void A_law_decodes_every_code_word_like_the_reference()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(SpandspG711.ALawToLinear((byte)code), ALaw.Decode((byte)code));
        }
    }

    [Theory]
    [InlineData(0, 0xFF, 0xD5)]
    [InlineData(-1, 0x7F, 0x55)]
    [InlineData(short.MaxValue, 0x80, 0xAA)]
    [InlineData(short.MinValue, 0x00, 0x2A)]
    [InlineData(1000, 0xCE, 0xFA)]
    [InlineData(-1000, 0x4E, 0x7A)]
    public void Known_code_words_match_the_g711_tables(short linear, byte mu, byte a)
    {
        Assert.Equal(mu, MuLaw.Encode(linear));
        Assert.Equal(a, ALaw.Encode(linear));
    }

    [Fact]
    public void Span_encoding_and_decoding_round_trip_through_the_decoded_values()
    {
        short[] linear = [0, 100, -100, 8000, -8000, 32000, -32000];
        var codes = new byte[linear.Length];
        var decoded = new short[linear.Length];
        var again = new byte[linear.Length];

        MuLaw.Encode(linear, codes);
        MuLaw.Decode(codes, decoded);
        MuLaw.Encode(decoded, again);
        Assert.Equal(codes, again);

        ALaw.Encode(linear, codes);
        ALaw.Decode(codes, decoded);
        ALaw.Encode(decoded, again);
        Assert.Equal(codes, again);
    }

    [Fact]
    public void Span_encoding_refuses_a_too_short_destination()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MuLaw.Encode(new short[4], new byte[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ALaw.Decode(new byte[4], new short[3]));
    }

    // spandsp (like the Sun library) takes a negative sample's magnitude as its two's complement; the ITU-T
    // G.191 reference takes the ones' complement of the 14-bit value. For x < 0 the reference's code word is
    // therefore spandsp's code for x + 1 with the sign bit clear; for x >= 0 the two agree.
    private static byte ReferenceMuLaw(short linear) =>
        linear >= 0 ? SpandspG711.LinearToULaw(linear) : (byte)(SpandspG711.LinearToULaw((short)(linear + 1)) & 0x7F);
}
