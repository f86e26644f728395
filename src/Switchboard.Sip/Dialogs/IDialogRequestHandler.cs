using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// Answers the requests a peer sends inside a dialog that the UA core does not answer itself: re-INVITE (session
/// change such as hold and resume, answered with an opaque SDP body), INFO (e.g. DTMF), NOTIFY.
/// </summary>
public interface IDialogRequestHandler
{
    /// <summary>Answers <paramref name="request"/>, which belongs to <paramref name="dialog"/> (an exception becomes a 500).</summary>
    Task HandleAsync(Dialog dialog, IncomingRequest request, CancellationToken cancellationToken);
}
