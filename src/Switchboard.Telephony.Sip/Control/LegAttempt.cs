using Switchboard.Calls;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>How dialling one destination ended: the call-control result, and the leg when it was answered.</summary>
/// <param name="Result">Succeeded (with <see cref="CallControlResult.AnsweredBy"/>), Busy, NoAnswer or Failed with the reason.</param>
/// <param name="Leg">The answered leg, which the receiver now owns (hang it up or bridge it); null unless answered.</param>
public sealed record LegAttempt(CallControlResult Result, OutboundLeg? Leg);
