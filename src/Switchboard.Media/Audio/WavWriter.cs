using System.Buffers.Binary;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Audio;

/// <summary>Writes mono WAV files: 16-bit PCM, or G.711 A-law/µ-law (half the size, as telephony recorders store calls).</summary>
public static class WavWriter
{
    /// <summary>The bytes of a WAV file holding <paramref name="samples"/>.</summary>
    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        var bytesPerSample = encoding == WavEncoding.Pcm16 ? 2 : 1;
        var dataLength = samples.Length * bytesPerSample;
        var file = new byte[44 + dataLength + (dataLength & 1)];
        var span = file.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(file.Length - 8));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], encoding switch { WavEncoding.ALaw => 6, WavEncoding.MuLaw => 7, _ => 1 });
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)(8 * bytesPerSample));
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataLength);
        var data = span[44..];
        switch (encoding)
        {
            case WavEncoding.ALaw:
                ALaw.Encode(samples, data);
                break;
            case WavEncoding.MuLaw:
                MuLaw.Encode(samples, data);
                break;
            default:
                for (var i = 0; i < samples.Length; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(data[(2 * i)..], samples[i]);
                }

                break;
        }

        return file;
    }
}
