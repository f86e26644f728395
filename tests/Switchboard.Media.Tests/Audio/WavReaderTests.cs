using System.Buffers.Binary;
using System.Text;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public class WavReaderTests
{
    [Theory]
    [InlineData(WavEncoding.Pcm16)]
    [InlineData(WavEncoding.ALaw)]
    [InlineData(WavEncoding.MuLaw)]
    public void What_the_writer_writes_the_reader_reads(WavEncoding encoding)
    {
        short[] samples = [0, 1000, -1000, 32000, -32000, 5];

        var audio = Read(WavWriter.Write(samples, 8000, encoding));

        Assert.Equal((8000, 1, encoding), (audio.SampleRate, audio.Channels, audio.Encoding));
        if (encoding == WavEncoding.Pcm16)
        {
            Assert.Equal(samples, audio.Samples);
        }
        else
        {
            Assert.All(samples.Zip(audio.Samples), p => Assert.InRange(p.Second, p.First - (Math.Abs(p.First) / 16) - 16, p.First + (Math.Abs(p.First) / 16) + 16));
        }
    }

    [Fact]
    public void Unneeded_chunks_are_skipped_and_a_cut_off_data_chunk_is_read_to_the_last_whole_frame()
    {
        var file = new List<byte>();
        file.AddRange("RIFF\0\0\0\0WAVE"u8.ToArray());
        file.AddRange(Chunk("LIST", [1, 2, 3]));
        file.AddRange(Chunk("fmt ", Fmt(tag: 1, channels: 2, rate: 16000, bits: 16)));
        file.AddRange("data"u8.ToArray());
        file.AddRange(BitConverter.GetBytes(uint.MaxValue));
        file.AddRange(new byte[] { 1, 0, 2, 0, 3, 0, 4, 0, 5, 0 });

        var audio = Read([.. file]);

        Assert.Equal((16000, 2), (audio.SampleRate, audio.Channels));
        Assert.Equal([1, 2, 3, 4], audio.Samples);
    }

    [Fact]
    public void A_wave_format_extensible_header_is_understood()
    {
        var fmt = new byte[40];
        Fmt(tag: 0xFFFE, channels: 1, rate: 48000, bits: 16).CopyTo(fmt, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), 1);

        var audio = Read([.. "RIFF\0\0\0\0WAVE"u8.ToArray(), .. Chunk("fmt ", fmt), .. Chunk("data", [0x10, 0x00])]);

        Assert.Equal([16], audio.Samples);
    }

    [Theory]
    [InlineData("not a wav", null, "no RIFF/WAVE header")]
    [InlineData(null, "fmt:1,1,8000,12", "format tag 1 with 12 bits")]
    [InlineData(null, "fmt:2,1,8000,4", "format tag 2 with 4 bits")]
    [InlineData(null, "fmt:1,6,8000,16", "6 channels")]
    [InlineData(null, "fmt:1,1,4000,16", "4000 Hz")]
    [InlineData(null, "data-first", "before the fmt chunk")]
    [InlineData(null, "no-data", "no data chunk")]
    [InlineData(null, "no-fmt", "no fmt chunk")]
    public void Unusable_files_are_rejected_with_a_reason(string? text, string? shape, string reason)
    {
        var file = text is not null ? Encoding.ASCII.GetBytes(text) : Shape(shape!);

        var result = WavReader.Read(file);

        Assert.False(result.IsComplete);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 8, "80 C0 00", new short[] { 0, 16384, -32768 })]
    [InlineData(1, 24, "00 00 40 FF FF FF", new short[] { 16384, -1 })]
    [InlineData(1, 32, "00 00 00 40 00 00 00 80", new short[] { 16384, -32768 })]
    [InlineData(3, 32, "00 00 00 3F 00 00 80 BF 00 00 00 40", new short[] { 16384, -32768, 32767 })]
    public void Other_pcm_widths_and_float_are_read_as_16_bit(ushort tag, int bits, string hex, short[] expected)
    {
        var data = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

        var audio = Read([.. "RIFF\0\0\0\0WAVE"u8.ToArray(), .. Chunk("fmt ", Fmt(tag, 1, 8000, bits)), .. Chunk("data", data)]);

        Assert.Equal(expected, audio.Samples);
    }

    [Fact]
    public void Stereo_is_averaged_to_mono_for_telephony()
    {
        var audio = new WavAudio(8000, 2, WavEncoding.Pcm16, [100, 300, -50, -150]);

        Assert.Equal([200, -100], audio.ToTelephony());
    }

    private static WavAudio Read(byte[] file)
    {
        var result = WavReader.Read(file);
        Assert.True(result.IsComplete, result.Error);
        return result.Audio!;
    }

    private static byte[] Shape(string shape)
    {
        var header = "RIFF\0\0\0\0WAVE"u8.ToArray();
        if (shape.StartsWith("fmt:", StringComparison.Ordinal))
        {
            var v = shape[4..].Split(',').Select(int.Parse).ToArray();
            return [.. header, .. Chunk("fmt ", Fmt((ushort)v[0], v[1], v[2], v[3])), .. Chunk("data", new byte[8])];
        }

        return shape switch
        {
            "data-first" => [.. header, .. Chunk("data", new byte[8]), .. Chunk("fmt ", Fmt(1, 1, 8000, 16))],
            "no-data" => [.. header, .. Chunk("fmt ", Fmt(1, 1, 8000, 16))],
            _ => [.. header, .. Chunk("LIST", new byte[4])],
        };
    }

    private static byte[] Fmt(ushort tag, int channels, int rate, int bits)
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return fmt;
    }

    private static byte[] Chunk(string id, byte[] body) =>
        [.. Encoding.ASCII.GetBytes(id), .. BitConverter.GetBytes((uint)body.Length), .. body, .. (body.Length % 2 == 1 ? new byte[1] : [])];
}
