namespace Switchboard.Media.Sessions;

/// <summary>Why a source given to <see cref="RtpSession.PlayAsync"/> stopped playing.</summary>
public enum PlaybackEnd
{
    /// <summary>The source ran out: the prompt finished.</summary>
    Finished,

    /// <summary>It was stopped (barge-in, the flow moved on).</summary>
    Stopped,

    /// <summary>Another source took its place.</summary>
    Replaced,

    /// <summary>The session closed while it played.</summary>
    Closed,
}
