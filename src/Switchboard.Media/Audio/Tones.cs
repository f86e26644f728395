using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Audio;

/// <summary>Generates telephony tones at 8 kHz: DTMF keys, sums of sines (ringback, beeps), and silence.</summary>
public static class Tones
{
    private const int SampleRate = 8000;

    // A 0 dBm0 sine's peak in 16-bit linear PCM (G.711's full scale is +3.14 dBm0).
    private static readonly double ZeroDbm0Peak = 32767 * Math.Pow(10, -3.14 / 20);

    /// <summary>A DTMF key: its row and column tones, each at <paramref name="levelDbm0"/> (−10 dBm0 by default, a typical phone's level).</summary>
    public static short[] Dtmf(char key, TimeSpan duration, double levelDbm0 = -10)
    {
        var position = DtmfDigits.Keypad.IndexOf(char.ToUpperInvariant(key), StringComparison.Ordinal);
        if (position < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(key), key, "not a DTMF key (0-9, *, #, A-D)");
        }

        return Sines(duration, (DtmfDigits.RowFrequencies[position / 4], levelDbm0), (DtmfDigits.ColumnFrequencies[position % 4], levelDbm0));
    }

    /// <summary>A sum of sines, each at its own frequency (Hz) and level (dBm0), starting in phase.</summary>
    public static short[] Sines(TimeSpan duration, params (double Hz, double LevelDbm0)[] components)
    {
        var samples = new short[Samples(duration)];
        for (var n = 0; n < samples.Length; n++)
        {
            var value = 0.0;
            foreach (var (hz, level) in components)
            {
                value += ZeroDbm0Peak * Math.Pow(10, level / 20) * Math.Sin(2 * Math.PI * hz * n / SampleRate);
            }

            samples[n] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>Silence.</summary>
    public static short[] Silence(TimeSpan duration) => new short[Samples(duration)];

    private static int Samples(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds * SampleRate);
}
