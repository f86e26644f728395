using Switchboard.Calls;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>What a failed SIP final status means to a flow: the outcome of an INVITE a leg placed, or of the call a REFER's final NOTIFY reports.</summary>
public static class SipOutcomes
{
    /// <summary>Busy for 486, 600 and 603; NoAnswer for 408 and 480; Failed otherwise; the reason is the status line.</summary>
    public static CallControlResult ForStatus(int statusCode, string reason)
    {
        var status = reason.Length == 0 ? $"{statusCode}" : $"{statusCode} {reason}";
        return statusCode switch
        {
            486 or 600 or 603 => new CallControlResult(CallControlOutcome.Busy, status),
            408 or 480 => new CallControlResult(CallControlOutcome.NoAnswer, status),
            _ => new CallControlResult(CallControlOutcome.Failed, status),
        };
    }
}
