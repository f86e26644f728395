namespace Switchboard.Calls;

/// <summary>What <see cref="ICall.RecordAsync"/> stored and why it stopped.</summary>
/// <param name="Path">The WAV file written, or null when the front-end stores no audio (the simulator).</param>
/// <param name="Duration">The length of the recording (without the silence or key that ended it).</param>
/// <param name="StoppedBy">Why it stopped.</param>
/// <param name="FinishKey">The key that ended it, when <paramref name="StoppedBy"/> is <see cref="RecordingStop.FinishKey"/>.</param>
public sealed record RecordingResult(string? Path, TimeSpan Duration, RecordingStop StoppedBy, char? FinishKey = null);

/// <summary>Why a recording stopped (a hang-up cancels it instead, like every operation; the audio so far is kept).</summary>
public enum RecordingStop
{
    /// <summary>It reached <see cref="RecordingRequest.MaxLength"/>.</summary>
    MaxLength,

    /// <summary>The caller fell silent for <see cref="RecordingRequest.EndOnSilence"/> after speaking.</summary>
    Silence,

    /// <summary>The caller pressed one of <see cref="RecordingRequest.FinishKeys"/>.</summary>
    FinishKey,
}
