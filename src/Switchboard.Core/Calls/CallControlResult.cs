namespace Switchboard.Calls;

/// <summary>How a call-control request ended; failures are values a flow can branch on, never exceptions.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why it failed, in words for the journal (the SIP status line, the Twilio error), or null on success.</param>
/// <param name="AnsweredBy">The destination that took the call over, when one did.</param>
public sealed record CallControlResult(CallControlOutcome Outcome, string? Reason = null, Destination? AnsweredBy = null)
{
    /// <summary>True when the request did what was asked.</summary>
    public bool Succeeded => Outcome == CallControlOutcome.Succeeded;

    /// <summary>A result for a front-end that cannot do this kind of call control.</summary>
    public static CallControlResult NotSupported(string frontEnd, string operation) =>
        new(CallControlOutcome.NotSupported, $"{frontEnd} cannot {operation}");
}

/// <summary>The outcomes of a call-control request.</summary>
public enum CallControlOutcome
{
    /// <summary>Done: routed and answered, diverted, transferred or bridged.</summary>
    Succeeded,

    /// <summary>The destination rang but nobody answered in time.</summary>
    NoAnswer,

    /// <summary>The destination was busy or declined.</summary>
    Busy,

    /// <summary>The destination or the network refused or failed (see the reason).</summary>
    Failed,

    /// <summary>The call was not in a state that allows it (e.g. divert after answering).</summary>
    InvalidState,

    /// <summary>This front-end cannot do it (e.g. the simulator cannot bridge).</summary>
    NotSupported,
}
