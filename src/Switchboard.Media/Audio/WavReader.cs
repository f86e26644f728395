using System.Buffers.Binary;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Audio;

/// <summary>Reads RIFF/WAVE files: PCM (16-bit, and 8, 24, 32-bit and float as editors save them) at 8, 16, 22.05, 44.1 or 48 kHz (or any rate from 8 to 192 kHz), mono or stereo, and G.711 A-law/µ-law.</summary>
/// <remarks>Chunks it does not need (LIST, fact, cue…) are skipped. A data chunk that claims more bytes than the file
/// holds (a recorder that was cut off, or a streaming writer's 0xFFFFFFFF) is read up to the last whole frame.</remarks>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatALaw = 6;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Reads a whole file.</summary>
    public static WavReadResult Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            return WavReadResult.Rejected("not a WAV file (no RIFF/WAVE header)");
        }

        (ushort Tag, int Channels, int Rate, int Bits)? format = null;
        var chunks = file[12..];
        while (chunks.Length >= 8)
        {
            var id = chunks[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunks[4..]);
            var body = chunks[8..];
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body.Length < 16)
                {
                    return WavReadResult.Rejected("the fmt chunk is shorter than 16 bytes");
                }

                var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
                if (tag == FormatExtensible && size >= 40 && body.Length >= 40)
                {
                    tag = BinaryPrimitives.ReadUInt16LittleEndian(body[24..]);
                }

                format = (tag, BinaryPrimitives.ReadUInt16LittleEndian(body[2..]), (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(body[14..]));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is not { } f)
                {
                    return WavReadResult.Rejected("the data chunk comes before the fmt chunk");
                }

                return Decode(f.Tag, f.Channels, f.Rate, f.Bits, body[..(int)Math.Min(size, (uint)body.Length)]);
            }

            var advance = 8 + (long)size + (size & 1);
            if (advance > chunks.Length)
            {
                break;
            }

            chunks = chunks[(int)advance..];
        }

        return WavReadResult.Rejected(format is null ? "the file has no fmt chunk" : "the file has no data chunk");
    }

    private static WavReadResult Decode(ushort tag, int channels, int rate, int bits, ReadOnlySpan<byte> data)
    {
        if (channels is not (1 or 2))
        {
            return WavReadResult.Rejected($"{channels} channels: only mono and stereo are supported");
        }

        if (rate is < 8000 or > 192000)
        {
            return WavReadResult.Rejected($"a sample rate of {rate} Hz is not supported (8000 to 192000)");
        }

        switch (tag, bits)
        {
            case (FormatPcm, 8 or 16 or 24 or 32) or (FormatFloat, 32):
                var width = bits / 8;
                var samples = new short[data.Length / (width * channels) * channels];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = Linear(tag, width, data.Slice(i * width, width));
                }

                return WavReadResult.Complete(new WavAudio(rate, channels, WavEncoding.Pcm16, samples));
            case (FormatALaw or FormatMuLaw, 8):
                var codes = data[..(data.Length / channels * channels)];
                var linear = new short[codes.Length];
                if (tag == FormatALaw)
                {
                    ALaw.Decode(codes, linear);
                }
                else
                {
                    MuLaw.Decode(codes, linear);
                }

                return WavReadResult.Complete(new WavAudio(rate, channels, tag == FormatALaw ? WavEncoding.ALaw : WavEncoding.MuLaw, linear));
            default:
                return WavReadResult.Rejected($"WAV format tag {tag} with {bits} bits is not supported: use PCM (8, 16, 24 or 32-bit), 32-bit float, A-law or µ-law (sox in.wav -b 16 out.wav)");
        }
    }

    // One sample of any supported PCM width (8-bit is unsigned, the others signed little-endian) or float, as 16-bit.
    private static short Linear(ushort tag, int width, ReadOnlySpan<byte> sample) => (tag, width) switch
    {
        (FormatFloat, _) => (short)Math.Clamp(Math.Round(BinaryPrimitives.ReadSingleLittleEndian(sample) * 32768.0), short.MinValue, short.MaxValue),
        (_, 1) => (short)((sample[0] - 128) << 8),
        (_, 2) => BinaryPrimitives.ReadInt16LittleEndian(sample),
        (_, 3) => BinaryPrimitives.ReadInt16LittleEndian(sample[1..]),
        _ => BinaryPrimitives.ReadInt16LittleEndian(sample[2..]),
    };
}
