namespace Switchboard.Media.Audio;

/// <summary>The audio of a WAV file, decoded to 16-bit linear samples (interleaved when stereo), with its original format.</summary>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="Channels">1 or 2.</param>
/// <param name="Encoding">How the file stored the samples.</param>
/// <param name="Samples">Linear samples, channels interleaved.</param>
public sealed record WavAudio(int SampleRate, int Channels, WavEncoding Encoding, short[] Samples)
{
    /// <summary>The length of the audio.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / Channels / SampleRate);

    /// <summary>The audio as telephony needs it: mono (channels averaged), 8 kHz (resampled with an anti-aliasing filter).</summary>
    public short[] ToTelephony()
    {
        var mono = Samples;
        if (Channels == 2)
        {
            mono = new short[Samples.Length / 2];
            for (var i = 0; i < mono.Length; i++)
            {
                mono[i] = (short)((Samples[2 * i] + Samples[(2 * i) + 1]) / 2);
            }
        }

        return SampleRate == Resampler.TelephonyRate ? mono : Resampler.ToTelephony(mono, SampleRate);
    }
}
