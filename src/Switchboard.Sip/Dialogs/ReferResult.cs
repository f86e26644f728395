using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Dialogs;

/// <summary>How a REFER this side sent ended, so a transfer can report success or the reason it failed.</summary>
public enum ReferOutcome
{
    /// <summary>The REFER was accepted and the final NOTIFY reported a 2xx (or the peer accepted it with <c>Refer-Sub: false</c>, RFC 4488).</summary>
    Succeeded,

    /// <summary>The REFER itself was answered with a non-2xx (a local 408 or 503 included).</summary>
    Refused,

    /// <summary>The REFER was accepted, but the final NOTIFY reported a non-2xx (or the subscription ended without a final status).</summary>
    Failed,

    /// <summary>The REFER was accepted, but no final NOTIFY came within <see cref="UserAgent.SipUserAgentOptions.ReferTimeout"/>.</summary>
    TimedOut,
}

/// <summary>The end of a REFER and its implicit subscription (RFC 3515): the REFER's response and the final <c>message/sipfrag</c> status.</summary>
/// <param name="Outcome">Succeeded, refused, failed or timed out.</param>
/// <param name="Response">The final response to the REFER.</param>
/// <param name="Final">The status of the final NOTIFY's sipfrag, or null when none came.</param>
/// <param name="Reason">Why it ended, readable (e.g. <c>486 Busy Here</c>, <c>REFER answered 603 Decline</c>).</param>
public sealed record ReferResult(ReferOutcome Outcome, SipResponse Response, SipFragStatus? Final, string Reason)
{
    /// <summary>True when the transfer succeeded.</summary>
    public bool Succeeded => Outcome == ReferOutcome.Succeeded;
}
