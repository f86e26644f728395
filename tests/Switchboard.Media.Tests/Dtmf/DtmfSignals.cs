using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Dtmf;

/// <summary>Generated test signals for DTMF detectors: key tones with chosen duration, level, twist, frequency offset
/// and noise, and music-like signals that must not be taken for keys. Shared by the tests and the benchmarks.</summary>
internal static class DtmfSignals
{
    public const int SampleRate = 8000;

    // Power of a 0 dBm0 sine in 16-bit linear PCM (G.711's full scale is +3.14 dBm0).
    private static readonly double ZeroDbm0Power = 0.5 * Math.Pow(32767 * Math.Pow(10, -3.14 / 20), 2);

    /// <summary>One key tone. Level is the two tones' power together; twist is row minus column level (positive = normal twist); deviation in percent.</summary>
    public sealed record Tone(char Key, double Milliseconds, double LevelDbm0 = -10, double TwistDb = 0, double RowDeviation = 0, double ColumnDeviation = 0);

    /// <summary>Tones separated by pauses, with white noise at <paramref name="snrDb"/> below the tones' level (none when null), through G.711 µ-law.</summary>
    public static short[] Keyed(IEnumerable<Tone> tones, double pauseMs = 60, double? snrDb = null, int seed = 1)
    {
        var signal = new List<double>();
        AddSilence(signal, 100);
        double level = -10;
        foreach (var tone in tones)
        {
            AddTone(signal, tone);
            AddSilence(signal, pauseMs);
            level = tone.LevelDbm0;
        }

        AddSilence(signal, 100);
        if (snrDb is { } snr)
        {
            AddNoise(signal, Power(level) / Math.Pow(10, snr / 10), seed);
        }

        return ThroughMuLaw(signal);
    }

    /// <summary>A tone, a gap of <paramref name="gapMs"/> of silence inside it, and the rest of the tone: one key held through a dropout.</summary>
    public static short[] Interrupted(char key, double beforeMs, double gapMs, double afterMs)
    {
        var signal = new List<double>();
        AddSilence(signal, 100);
        AddTone(signal, new Tone(key, beforeMs));
        AddSilence(signal, gapMs);
        AddTone(signal, new Tone(key, afterMs), phaseOffset: signal.Count);
        AddSilence(signal, 100);
        return ThroughMuLaw(signal);
    }

    /// <summary>Sums of sines (Hz, dBm0) held for a while: chords, call-progress tones, single DTMF frequencies.</summary>
    public static short[] Sines(double milliseconds, params (double Hz, double LevelDbm0)[] components)
    {
        var signal = new double[Samples(milliseconds)];
        foreach (var (hz, level) in components)
        {
            var amplitude = Math.Sqrt(2 * Power(level));
            for (var n = 0; n < signal.Length; n++)
            {
                signal[n] += amplitude * Math.Sin(2 * Math.PI * hz * n / SampleRate);
            }
        }

        return ThroughMuLaw(signal);
    }

    /// <summary>A melody of notes with harmonics (like a plucked or bowed instrument), random notes from a chromatic range, with chords.</summary>
    public static short[] Music(double seconds, int seed)
    {
        var random = new Random(seed);
        var signal = new double[Samples(seconds * 1000)];
        var noteLength = Samples(random.Next(90, 250));
        for (var start = 0; start < signal.Length; start += noteLength)
        {
            var voices = random.Next(1, 4);
            for (var v = 0; v < voices; v++)
            {
                var hz = 220 * Math.Pow(2, random.Next(0, 30) / 12.0);
                var decay = random.NextDouble() * 8;
                for (var h = 1; h <= 6; h++)
                {
                    var amplitude = Math.Sqrt(2 * Power(-14 - (4 * h))) * (0.5 + random.NextDouble());
                    for (var n = start; n < Math.Min(signal.Length, start + noteLength); n++)
                    {
                        var t = (double)(n - start) / SampleRate;
                        signal[n] += amplitude * Math.Exp(-decay * t) * Math.Sin(2 * Math.PI * hz * h * t);
                    }
                }
            }
        }

        return ThroughMuLaw(signal);
    }

    /// <summary>A sine gliding from one frequency to another (a siren, a slide whistle).</summary>
    public static short[] Sweep(double fromHz, double toHz, double seconds, double levelDbm0)
    {
        var signal = new double[Samples(seconds * 1000)];
        var amplitude = Math.Sqrt(2 * Power(levelDbm0));
        var phase = 0.0;
        for (var n = 0; n < signal.Length; n++)
        {
            var hz = fromHz + ((toHz - fromHz) * n / signal.Length);
            phase += 2 * Math.PI * hz / SampleRate;
            signal[n] = amplitude * Math.Sin(phase);
        }

        return ThroughMuLaw(signal);
    }

    public static double Power(double dbm0) => ZeroDbm0Power * Math.Pow(10, dbm0 / 10);

    private static void AddTone(List<double> signal, Tone tone, int phaseOffset = 0)
    {
        var index = DtmfDigits.Keypad.IndexOf(tone.Key, StringComparison.Ordinal);
        var row = DtmfDigits.RowFrequencies[index / 4] * (1 + (tone.RowDeviation / 100));
        var column = DtmfDigits.ColumnFrequencies[index % 4] * (1 + (tone.ColumnDeviation / 100));
        var total = Power(tone.LevelDbm0);
        var ratio = Math.Pow(10, tone.TwistDb / 10);
        var rowAmplitude = Math.Sqrt(2 * total * ratio / (1 + ratio));
        var columnAmplitude = Math.Sqrt(2 * total / (1 + ratio));
        var count = Samples(tone.Milliseconds);
        for (var n = 0; n < count; n++)
        {
            var t = (double)(n + phaseOffset) / SampleRate;
            signal.Add((rowAmplitude * Math.Sin(2 * Math.PI * row * t)) + (columnAmplitude * Math.Sin(2 * Math.PI * column * t)));
        }
    }

    private static void AddSilence(List<double> signal, double milliseconds) =>
        signal.AddRange(Enumerable.Repeat(0.0, Samples(milliseconds)));

    private static void AddNoise(List<double> signal, double power, int seed)
    {
        var random = new Random(seed);
        var sigma = Math.Sqrt(power);
        for (var n = 0; n < signal.Count; n++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            signal[n] += sigma * gaussian;
        }
    }

    private static int Samples(double milliseconds) => (int)Math.Round(milliseconds * SampleRate / 1000);

    private static short[] ThroughMuLaw(IReadOnlyList<double> signal)
    {
        var samples = new short[signal.Count];
        for (var n = 0; n < samples.Length; n++)
        {
            samples[n] = MuLaw.Decode(MuLaw.Encode((short)Math.Clamp(Math.Round(signal[n]), short.MinValue, short.MaxValue)));
        }

        return samples;
    }
}
