using Switchboard.Media.Sessions;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>One side of a <see cref="LegBridge"/>: its audio, when it hangs up, and how to hang it up.</summary>
/// <param name="Name">Who it is, for logs and results (the caller's number, the destination).</param>
/// <param name="Media">Its started RTP session.</param>
/// <param name="Ended">Completes when this side's call ends (its BYE, or ours).</param>
/// <param name="HangUpAsync">Ends this side's call from Switchboard (BYE) and waits until its media is released.</param>
public sealed record BridgeParty(string Name, RtpSession Media, Task Ended, Func<CancellationToken, Task> HangUpAsync);
