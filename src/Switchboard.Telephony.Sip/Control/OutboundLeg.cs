using Switchboard.Calls;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>An answered call Switchboard placed itself: its dialog and its started RTP session, released together when either side hangs up.</summary>
public sealed class OutboundLeg : IAsyncDisposable
{
    private readonly SipUserAgent _agent;

    internal OutboundLeg(SipUserAgent agent, Destination destination, Dialog dialog, RtpSession media)
    {
        _agent = agent;
        Destination = destination;
        Dialog = dialog;
        Media = media;
        Ended = EndWithDialogAsync();
    }

    /// <summary>The destination that answered.</summary>
    public Destination Destination { get; }

    /// <summary>The confirmed dialog with the callee.</summary>
    public Dialog Dialog { get; }

    /// <summary>The leg's audio, started with what the callee's answer agreed.</summary>
    public RtpSession Media { get; }

    /// <summary>Completes once the dialog has ended (the callee's BYE, or ours) and the RTP session has given back its ports.</summary>
    public Task Ended { get; }

    /// <summary>The leg as one side of a <see cref="LegBridge"/>.</summary>
    public BridgeParty AsParty() => new(Destination.ToString(), Media, Dialog.Ended, HangUpAsync);

    /// <summary>Hangs up with BYE (unless the dialog already ended) and waits until the RTP session is released.</summary>
    public async Task HangUpAsync(CancellationToken ct)
    {
        await _agent.HangUpAsync(Dialog, ct);
        await Ended.WaitAsync(ct);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await HangUpAsync(CancellationToken.None);

    private async Task EndWithDialogAsync()
    {
        await Dialog.Ended;
        await Media.DisposeAsync();
    }
}
