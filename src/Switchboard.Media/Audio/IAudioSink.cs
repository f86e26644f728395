namespace Switchboard.Media.Audio;

/// <summary>Takes the audio a call receives (8 kHz linear frames, one per RTP packet): a recorder, a bridge's relay, a test's collector.</summary>
public interface IAudioSink
{
    /// <summary>Takes one frame. Runs on the session's receive loop: must be quick and must not block.</summary>
    void Write(ReadOnlySpan<short> frame);
}
