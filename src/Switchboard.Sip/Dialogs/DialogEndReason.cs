namespace Switchboard.Sip.Dialogs;

/// <summary>Why a dialog ended, so the call layer can tell a hang-up from a failure.</summary>
public enum DialogEndReason
{
    /// <summary>The peer sent BYE (answered 200).</summary>
    RemoteBye,

    /// <summary>This side sent BYE (any response, or none, ends the dialog).</summary>
    LocalBye,

    /// <summary>This side's 2xx to the INVITE was never acknowledged within 64·T1 (a BYE was sent, §13.3.1.4).</summary>
    NoAck,

    /// <summary>An in-dialog request from this side got 481 or 408 (§12.2.1.2).</summary>
    RequestFailed,

    /// <summary>The user agent stopped.</summary>
    Shutdown,
}
