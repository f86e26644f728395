namespace Switchboard.Media.Audio;

/// <summary>Converts audio to the telephony rate (8 kHz) with a windowed-sinc low-pass (Kaiser, about 80 dB stop band),
/// so content above 4 kHz in a studio recording does not fold back into the call as aliasing.</summary>
public static class Resampler
{
    /// <summary>The rate G.711 calls run at.</summary>
    public const int TelephonyRate = 8000;

    // Pass band to 3.4 kHz, stop band from 4 kHz: cutoff between them, 32 zero crossings each side (at the output rate).
    private const double CutoffHz = 3700;
    private const int ZeroCrossings = 32;
    private const double KaiserBeta = 8.0;

    /// <summary>Resamples mono audio from <paramref name="sampleRate"/> to 8 kHz.</summary>
    public static short[] ToTelephony(ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        var divisor = Gcd(sampleRate, TelephonyRate);
        var up = TelephonyRate / divisor;
        var down = sampleRate / divisor;
        var filter = Filter.For(up, down, sampleRate);
        var output = new short[(int)((long)samples.Length * up / down)];
        for (var n = 0; n < output.Length; n++)
        {
            // Output n sits at input position n·down/up: an integer part and one of `up` fractional phases.
            var position = (long)n * down;
            var center = (int)(position / up);
            var taps = filter.Phase((int)(position % up));
            var first = center - filter.HalfLength + 1;
            var sum = 0.0;
            for (var k = 0; k < taps.Length; k++)
            {
                var index = first + k;
                if ((uint)index < (uint)samples.Length)
                {
                    sum += samples[index] * taps[k];
                }
            }

            output[n] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return output;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    /// <summary>The polyphase table for one rate pair: for each fractional phase, the taps around the output instant.</summary>
    private sealed class Filter
    {
        private static readonly Dictionary<(int, int), Filter> Cache = [];
        private readonly double[][] _phases;

        private Filter(int up, int down, int sampleRate)
        {
            var cutoff = Math.Min(CutoffHz, 0.45 * sampleRate) / sampleRate;
            var halfWidth = ZeroCrossings * (double)sampleRate / TelephonyRate;
            HalfLength = (int)Math.Ceiling(halfWidth);
            _phases = new double[up][];
            for (var p = 0; p < up; p++)
            {
                var fraction = (double)p / up;
                var taps = new double[2 * HalfLength];
                for (var k = 0; k < taps.Length; k++)
                {
                    // Distance in input samples from the output instant to input sample (center - HalfLength + 1 + k).
                    var t = k - HalfLength + 1 - fraction;
                    var window = Math.Abs(t) >= halfWidth ? 0 : Kaiser(t / halfWidth);
                    taps[k] = 2 * cutoff * Sinc(2 * cutoff * t) * window;
                }

                _phases[p] = taps;
            }
        }

        public int HalfLength { get; }

        public static Filter For(int up, int down, int sampleRate)
        {
            lock (Cache)
            {
                if (!Cache.TryGetValue((up, down), out var filter))
                {
                    filter = new Filter(up, down, sampleRate);
                    Cache[(up, down)] = filter;
                }

                return filter;
            }
        }

        public double[] Phase(int phase) => _phases[phase];

        private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

        private static double Kaiser(double x) => BesselI0(KaiserBeta * Math.Sqrt(1 - (x * x))) / BesselI0(KaiserBeta);

        private static double BesselI0(double x)
        {
            double sum = 1, term = 1;
            for (var k = 1; k < 30; k++)
            {
                term *= x / (2 * k) * (x / (2 * k));
                sum += term;
            }

            return sum;
        }
    }
}
