namespace Switchboard.Calls;

/// <summary>One entry of a call's ordered event log.</summary>
/// <param name="Sequence">Position in the log, from 1.</param>
/// <param name="At">Time since the call started, on the call's clock.</param>
/// <param name="Kind">What kind of thing happened.</param>
/// <param name="Detail">What exactly, in words for people reading a log.</param>
public sealed record CallEvent(int Sequence, TimeSpan At, CallEventKind Kind, string Detail);

/// <summary>The kinds of things a call's event log records.</summary>
public enum CallEventKind
{
    /// <summary>The call was answered.</summary>
    Answered,

    /// <summary>A prompt started playing (the detail names it).</summary>
    Prompt,

    /// <summary>A key stopped a prompt.</summary>
    BargeIn,

    /// <summary>A key arrived, and what was done with it.</summary>
    Key,

    /// <summary>A digit collection ended.</summary>
    Digits,

    /// <summary>The flow decided something (which branch, why).</summary>
    Decision,

    /// <summary>A message was put in the outbox, or refused.</summary>
    Message,

    /// <summary>A call-control request and its result.</summary>
    Control,

    /// <summary>A recording started or ended, and what it stored.</summary>
    Recording,

    /// <summary>The call ended.</summary>
    HangUp,
}
