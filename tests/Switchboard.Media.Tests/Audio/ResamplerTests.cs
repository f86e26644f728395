using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public class ResamplerTests
{
    [Theory]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(48000)]
    public void A_tone_in_the_telephone_band_keeps_its_frequency_and_level(int rate)
    {
        var input = Sine(1000, rate, 1.0, 10000);

        var output = Resampler.ToTelephony(input, rate);

        Assert.InRange(output.Length, 7999, 8001);
        Assert.InRange(Level(output[400..^400], 1000), 0.97 * 10000, 1.03 * 10000);
    }

    [Theory]
    [InlineData(16000, 5000)]
    [InlineData(22050, 6000)]
    [InlineData(44100, 7000)]
    [InlineData(48000, 12000)]
    [InlineData(48000, 4200)]
    [InlineData(48000, 4100)]
    [InlineData(44100, 4100)]
    public void Content_above_4_khz_does_not_fold_back_into_the_call(int rate, int hz)
    {
        var input = Sine(hz, rate, 1.0, 10000);
        var alias = Math.Abs(8000 - (hz % 8000));
        alias = alias > 4000 ? 8000 - alias : alias;

        var output = Resampler.ToTelephony(input, rate);

        // At least 60 dB below the input tone (10000 → under 10).
        Assert.True(Level(output[400..^400], alias) < 10, $"{hz} Hz folded to {alias} Hz at {Level(output[400..^400], alias):F1}");
    }

    private static short[] Sine(double hz, int rate, double seconds, double amplitude) =>
        [.. Enumerable.Range(0, (int)(rate * seconds)).Select(n => (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * hz * n / rate)))];

    // The amplitude of the component at `hz` (8 kHz signal), by correlation.
    internal static double Level(short[] signal, double hz)
    {
        double re = 0, im = 0;
        for (var n = 0; n < signal.Length; n++)
        {
            re += signal[n] * Math.Cos(2 * Math.PI * hz * n / 8000);
            im += signal[n] * Math.Sin(2 * Math.PI * hz * n / 8000);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / signal.Length;
    }
}
