using System.Buffers.Binary;

namespace Switchboard.Prompts;

/// <summary>The format a WAV file declares in its fmt chunk, exactly as stored (the reader reports every PCM width as 16-bit once
/// decoded, but a prompt must be stored as 16-bit to be used without conversion).</summary>
/// <param name="Tag">The format tag: 1 PCM, 3 float, 6 A-law, 7 µ-law, 0xFFFE extensible.</param>
/// <param name="Channels">The channel count.</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="BitsPerSample">Bits per sample.</param>
internal sealed record WavFormatHeader(int Tag, int Channels, int SampleRate, int BitsPerSample)
{
    /// <summary>The one format prompts are stored in: 8 kHz, mono, 16-bit linear PCM.</summary>
    public static WavFormatHeader Telephony { get; } = new(1, 1, 8000, 16);

    /// <summary>The fmt chunk of a RIFF/WAVE file, or null when there is none.</summary>
    public static WavFormatHeader? Read(ReadOnlySpan<byte> file)
    {
        var chunks = file.Length >= 12 ? file[12..] : [];
        while (chunks.Length >= 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunks[4..]);
            if (chunks[..4].SequenceEqual("fmt "u8) && chunks.Length >= 24)
            {
                var body = chunks[8..];
                return new WavFormatHeader(BinaryPrimitives.ReadUInt16LittleEndian(body), BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
                    (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]), BinaryPrimitives.ReadUInt16LittleEndian(body[14..]));
            }

            var next = 8 + (long)size + (size & 1);
            chunks = next < chunks.Length ? chunks[(int)next..] : [];
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var channels = Channels switch { 1 => "mono", 2 => "stereo", _ => $"{Channels} channels" };
        var encoding = Tag switch
        {
            1 => $"{BitsPerSample}-bit PCM",
            3 => $"{BitsPerSample}-bit float",
            6 => "A-law",
            7 => "µ-law",
            0xFFFE => $"{BitsPerSample}-bit extensible",
            _ => $"format tag {Tag}",
        };
        return $"{SampleRate} Hz {channels} {encoding}";
    }
}
