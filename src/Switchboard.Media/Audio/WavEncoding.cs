namespace Switchboard.Media.Audio;

/// <summary>The sample encodings Switchboard reads from and writes to WAV files.</summary>
public enum WavEncoding
{
    /// <summary>Linear PCM (format tag 1; also how 8, 24, 32-bit and float files are reported once read as 16-bit).</summary>
    Pcm16,

    /// <summary>G.711 A-law (format tag 6), as telephony recorders write it.</summary>
    ALaw,

    /// <summary>G.711 µ-law (format tag 7).</summary>
    MuLaw,
}
