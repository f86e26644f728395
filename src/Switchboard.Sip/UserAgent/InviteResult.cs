using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>How an INVITE the stack placed ended: the final response, and the dialog when it was answered 2xx.</summary>
/// <param name="Response">The final response (a local 408 on timeout, 503 when it could not be sent, 487 when cancelled).</param>
/// <param name="Dialog">The confirmed dialog for a 2xx; already ended when the caller cancelled and the answer crossed the CANCEL.</param>
public sealed record InviteResult(SipResponse Response, Dialog? Dialog);
