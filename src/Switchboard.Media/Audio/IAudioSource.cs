namespace Switchboard.Media.Audio;

/// <summary>Audio a call plays (a prompt, a tone, hold music), pulled frame by frame as 8 kHz linear samples by the media clock.</summary>
public interface IAudioSource
{
    /// <summary>Fills <paramref name="destination"/> from the current position and returns how many samples were written; fewer than asked means the source has ended.</summary>
    int Read(Span<short> destination);
}
