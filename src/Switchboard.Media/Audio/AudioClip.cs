namespace Switchboard.Media.Audio;

/// <summary>Decoded 8 kHz mono audio held in memory, immutable, so one copy of a prompt serves every call playing it.</summary>
/// <param name="Name">Where it came from (a file path, or a description of generated audio).</param>
/// <param name="Samples">The samples.</param>
public sealed record AudioClip(string Name, ReadOnlyMemory<short> Samples)
{
    /// <summary>The clip's length.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)Resampler.TelephonyRate);

    /// <summary>A fresh reader over the clip, starting at its beginning.</summary>
    public IAudioSource Play() => new ClipSource(Samples);

    private sealed class ClipSource(ReadOnlyMemory<short> samples) : IAudioSource
    {
        private int _position;

        public int Read(Span<short> destination)
        {
            var count = Math.Min(destination.Length, samples.Length - _position);
            samples.Span.Slice(_position, count).CopyTo(destination);
            _position += count;
            return count;
        }
    }
}
