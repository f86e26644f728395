using Switchboard.Media.Audio;

namespace Switchboard.Prompts;

/// <summary>Turns synthesised speech into a prompt that sounds right on a call: 8 kHz mono, the silence around the words cut to a
/// short margin (so prompts and read-back digits follow each other naturally), and the peak raised or lowered to −3 dBFS.</summary>
internal static class TelephonePrompt
{
    /// <summary>The peak level every generated prompt is normalised to: loud, with headroom for the G.711 encoder.</summary>
    public const double PeakDbfs = -3;

    /// <summary>Sound this far below the clip's peak counts as silence when trimming.</summary>
    private const double SilenceBelowPeakDb = 40;

    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LeadingMargin = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan TrailingMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>What is done to the speech, recorded beside each generated file so a change here renders the prompts again.</summary>
    public static string Processing { get; } =
        $"8 kHz mono, {LeadingMargin.TotalMilliseconds:0} ms of silence before the speech and {TrailingMargin.TotalMilliseconds:0} ms after, peak {PeakDbfs:0} dBFS";

    /// <summary>The prompt's 8 kHz samples; throws <see cref="InvalidDataException"/> when the audio is silent.</summary>
    public static short[] Prepare(WavAudio speech)
    {
        var samples = speech.ToTelephony();
        var peak = RecordingLevels.Peak(samples);
        if (peak == 0)
        {
            throw new InvalidDataException("the speech is silent");
        }

        var trimmed = Trim(samples, peak * Math.Pow(10, -SilenceBelowPeakDb / 20));
        var gain = 32767 * Math.Pow(10, PeakDbfs / 20) / peak;
        for (var i = 0; i < trimmed.Length; i++)
        {
            trimmed[i] = (short)Math.Clamp(Math.Round(trimmed[i] * gain), short.MinValue, short.MaxValue);
        }

        return trimmed;
    }

    // Keeps from the first to the last window holding sound (there is one: the threshold is below the peak), with exactly the
    // margins around it, padded with silence where the speech starts or ends closer to the edge than that.
    private static short[] Trim(short[] samples, double threshold)
    {
        var window = Samples(Window);
        var first = -1;
        var last = 0;
        for (var start = 0; start < samples.Length; start += window)
        {
            var length = Math.Min(window, samples.Length - start);
            if (RecordingLevels.Peak(samples.AsSpan(start, length)) >= threshold)
            {
                first = first < 0 ? start : first;
                last = start + length;
            }
        }

        var leading = Samples(LeadingMargin);
        var trailing = Samples(TrailingMargin);
        var from = Math.Max(0, first - leading);
        var to = Math.Min(samples.Length, last + trailing);
        var prompt = new short[leading + (last - first) + trailing];
        samples.AsSpan(from, to - from).CopyTo(prompt.AsSpan(leading - (first - from)));
        return prompt;
    }

    private static int Samples(TimeSpan duration) => (int)(duration.TotalSeconds * Resampler.TelephonyRate);
}
