namespace Switchboard.Media.Audio;

/// <summary>Builds the sources a call plays: silence, tones with cadences (ringback, beep, DTMF), sequences and loops.</summary>
public static class AudioSources
{
    /// <summary>Silence for a while.</summary>
    public static IAudioSource Silence(TimeSpan duration) => new SilenceSource(Samples(duration));

    /// <summary>A DTMF key for <paramref name="duration"/>.</summary>
    public static IAudioSource Dtmf(char key, TimeSpan duration) => new AudioClip($"dtmf {key}", Tones.Dtmf(key, duration)).Play();

    /// <summary>A beep (1 kHz, −10 dBm0), as before a recording.</summary>
    public static IAudioSource Beep(TimeSpan? duration = null) =>
        new AudioClip("beep", Tones.Sines(duration ?? TimeSpan.FromMilliseconds(250), (1000, -10))).Play();

    /// <summary>North American ringback (440+480 Hz, 2 s on, 4 s off), repeating until stopped.</summary>
    public static IAudioSource RingbackUs() => Cadence(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), (440, -19), (480, -19));

    /// <summary>European ringback (425 Hz, 1 s on, 4 s off), repeating until stopped.</summary>
    public static IAudioSource RingbackEurope() => Cadence(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), (425, -13));

    /// <summary>A tone switched on and off forever.</summary>
    public static IAudioSource Cadence(TimeSpan on, TimeSpan off, params (double Hz, double LevelDbm0)[] tone)
    {
        var clip = new AudioClip("cadence", (short[])[.. Tones.Sines(on, tone), .. Tones.Silence(off)]);
        return Loop(clip.Play);
    }

    /// <summary>One source after another.</summary>
    public static IAudioSource Sequence(params IAudioSource[] parts) => new SequenceSource(parts);

    /// <summary>A source started again each time it ends, forever (hold music). <paramref name="start"/> must give audio that is not empty.</summary>
    public static IAudioSource Loop(Func<IAudioSource> start) => new LoopSource(start);

    private static int Samples(TimeSpan duration) => (int)Math.Round(duration.TotalSeconds * Resampler.TelephonyRate);

    private sealed class SilenceSource(int length) : IAudioSource
    {
        private int _position;

        public int Read(Span<short> destination)
        {
            var count = Math.Min(destination.Length, length - _position);
            destination[..count].Clear();
            _position += count;
            return count;
        }
    }

    private sealed class SequenceSource(IAudioSource[] parts) : IAudioSource
    {
        private int _index;

        public int Read(Span<short> destination)
        {
            var written = 0;
            while (written < destination.Length && _index < parts.Length)
            {
                var count = parts[_index].Read(destination[written..]);
                written += count;
                if (written < destination.Length)
                {
                    _index++;
                }
            }

            return written;
        }
    }

    private sealed class LoopSource(Func<IAudioSource> start) : IAudioSource
    {
        private IAudioSource _current = start();

        public int Read(Span<short> destination)
        {
            var written = 0;
            var emptyRounds = 0;
            while (written < destination.Length)
            {
                var count = _current.Read(destination[written..]);
                written += count;
                if (written < destination.Length)
                {
                    emptyRounds = count == 0 ? emptyRounds + 1 : 0;
                    if (emptyRounds > 1)
                    {
                        throw new InvalidOperationException("a looped source gave no audio");
                    }

                    _current = start();
                }
            }

            return written;
        }
    }
}
