using System.Buffers.Binary;
using Switchboard.Media.Audio;
using Switchboard.Prompts;

namespace Switchboard.Tests.Prompts;

public sealed class WavFormatHeaderTests
{
    [Theory]
    [InlineData(8000, WavEncoding.Pcm16, "8000 Hz mono 16-bit PCM")]
    [InlineData(44100, WavEncoding.Pcm16, "44100 Hz mono 16-bit PCM")]
    [InlineData(8000, WavEncoding.ALaw, "8000 Hz mono A-law")]
    [InlineData(8000, WavEncoding.MuLaw, "8000 Hz mono µ-law")]
    public void The_declared_format_is_read_and_described(int rate, WavEncoding encoding, string description)
    {
        var header = WavFormatHeader.Read(WavWriter.Write(new short[10], rate, encoding));

        Assert.Equal(description, header?.ToString());
        Assert.Equal(rate == 8000 && encoding == WavEncoding.Pcm16, header == WavFormatHeader.Telephony);
    }

    [Fact]
    public void Chunks_before_fmt_are_skipped()
    {
        var plain = WavWriter.Write(new short[10], 8000);
        byte[] list = [.. "LIST"u8, 5, 0, 0, 0, .. "INFOx"u8, 0];
        byte[] file = [.. plain[..12], .. list, .. plain[12..]];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));

        Assert.Equal(WavFormatHeader.Telephony, WavFormatHeader.Read(file));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 4, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 })]
    public void No_fmt_chunk_reads_as_null(byte[] file) => Assert.Null(WavFormatHeader.Read(file));

    [Fact]
    public void Stereo_and_other_widths_are_described()
    {
        Assert.Equal("48000 Hz stereo 24-bit PCM", new WavFormatHeader(1, 2, 48000, 24).ToString());
        Assert.Equal("16000 Hz mono 32-bit float", new WavFormatHeader(3, 1, 16000, 32).ToString());
    }
}
