namespace Switchboard.Prompts;

/// <summary>Measures a recording's level: its peak, and where it was clipped (the waveform flattened against full scale).</summary>
internal static class RecordingLevels
{
    /// <summary>Consecutive full-scale samples that count as one clipped spot; a single one is a normalised peak, not clipping.</summary>
    public const int ClippedRun = 3;

    /// <summary>The largest absolute sample value.</summary>
    public static int Peak(ReadOnlySpan<short> samples)
    {
        var peak = 0;
        foreach (var sample in samples)
        {
            peak = Math.Max(peak, Math.Abs((int)sample));
        }

        return peak;
    }

    /// <summary>The peak in dBFS (0 for full scale); negative infinity for digital silence.</summary>
    public static double PeakDbfs(ReadOnlySpan<short> samples) => 20 * Math.Log10(Peak(samples) / 32767.0);

    /// <summary>How many places in the (interleaved) samples hold at least <see cref="ClippedRun"/> full-scale samples in a row on one channel.</summary>
    public static int ClippedSpots(ReadOnlySpan<short> samples, int channels)
    {
        var spots = 0;
        for (var channel = 0; channel < channels; channel++)
        {
            var run = 0;
            for (var i = channel; i < samples.Length; i += channels)
            {
                run = samples[i] is >= short.MaxValue or <= -short.MaxValue ? run + 1 : 0;
                if (run == ClippedRun)
                {
                    spots++;
                }
            }
        }

        return spots;
    }
}
