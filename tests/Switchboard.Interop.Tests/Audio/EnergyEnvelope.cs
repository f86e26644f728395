namespace Switchboard.Interop.Tests.Audio;

/// <summary>
/// The loudness of audio over time (RMS of 20 ms frames), and where a known recording's envelope best matches inside a
/// longer one: enough to tell that a caller heard a given prompt, whatever the codec did to the waveform.
/// </summary>
public sealed class EnergyEnvelope
{
    /// <summary>20 ms at 8 kHz.</summary>
    public const int FrameSamples = 160;

    private readonly double[] _frames;

    /// <summary>The envelope of 8 kHz <paramref name="samples"/> (a trailing partial frame is left out).</summary>
    public EnergyEnvelope(ReadOnlySpan<short> samples)
    {
        _frames = new double[samples.Length / FrameSamples];
        for (var i = 0; i < _frames.Length; i++)
        {
            var sum = 0.0;
            foreach (var sample in samples.Slice(i * FrameSamples, FrameSamples))
            {
                sum += (double)sample * sample;
            }

            _frames[i] = Math.Sqrt(sum / FrameSamples);
        }
    }

    /// <summary>The number of 20 ms frames.</summary>
    public int Length => _frames.Length;

    /// <summary>
    /// Slides <paramref name="part"/> over this envelope from frame <paramref name="from"/> on and returns the frame where the
    /// Pearson correlation of the two is highest, and that correlation (-1 to 1; 0 when nothing fits or either is flat).
    /// </summary>
    public (int Frame, double Correlation) BestMatch(EnergyEnvelope part, int from = 0)
    {
        var best = (Frame: -1, Correlation: 0.0);
        for (var lag = from; lag + part.Length <= Length; lag++)
        {
            var correlation = Correlation(_frames.AsSpan(lag, part.Length), part._frames);
            if (correlation > best.Correlation)
            {
                best = (lag, correlation);
            }
        }

        return best;
    }

    private static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double covariance = 0, varianceA = 0, varianceB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - meanA;
            var db = b[i] - meanB;
            covariance += da * db;
            varianceA += da * da;
            varianceB += db * db;
        }

        return varianceA == 0 || varianceB == 0 ? 0 : covariance / Math.Sqrt(varianceA * varianceB);
    }
}
