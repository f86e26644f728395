namespace Switchboard.Media.Audio;

/// <summary>The outcome of reading a WAV file: its audio, or why it cannot be used.</summary>
public sealed class WavReadResult
{
    private WavReadResult(WavAudio? audio, string? error)
    {
        Audio = audio;
        Error = error;
    }

    /// <summary>The decoded audio, or null when rejected.</summary>
    public WavAudio? Audio { get; }

    /// <summary>Why the file was rejected, or null.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Audio"/> holds the file's audio.</summary>
    public bool IsComplete => Audio is not null;

    internal static WavReadResult Complete(WavAudio audio) => new(audio, null);

    internal static WavReadResult Rejected(string error) => new(null, error);
}
