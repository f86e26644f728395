using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// A dialog (RFC 3261 §12): its identifiers, sequence numbers, remote target and route set, and the requests sent inside it.
/// Built from the dialog-creating INVITE and its 2xx on either side; the UA core keeps it in its dialog table until it ends.
/// </summary>
public sealed class Dialog
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource<DialogEndReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Dialog(string callId, string localTag, string remoteTag, NameAddr localUri, NameAddr remoteUri, AddressUri remoteTarget, IReadOnlyList<NameAddr> routeSet)
    {
        CallId = callId;
        LocalTag = localTag;
        RemoteTag = remoteTag;
        LocalUri = localUri;
        RemoteUri = remoteUri;
        RemoteTarget = remoteTarget;
        RouteSet = routeSet;
    }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>This side's tag.</summary>
    public string LocalTag { get; }

    /// <summary>The peer's tag.</summary>
    public string RemoteTag { get; }

    /// <summary>This side's address (From of requests it sends).</summary>
    public NameAddr LocalUri { get; }

    /// <summary>The peer's address (To of requests it sends).</summary>
    public NameAddr RemoteUri { get; }

    /// <summary>Where in-dialog requests go: the peer's Contact, refreshed by re-INVITE.</summary>
    public AddressUri RemoteTarget { get; private set; }

    /// <summary>The proxies that record-routed, in the order requests from this side traverse them.</summary>
    public IReadOnlyList<NameAddr> RouteSet { get; }

    /// <summary>The last CSeq number this side used.</summary>
    public uint LocalSequence { get; private set; }

    /// <summary>The last CSeq number the peer used, or null before its first request.</summary>
    public uint? RemoteSequence { get; private set; }

    /// <summary>Call-ID, local tag and remote tag: what identifies the dialog in the UA core's table.</summary>
    public string Key => KeyOf(CallId, LocalTag, RemoteTag);

    /// <summary>Answers re-INVITE, INFO, NOTIFY and other in-dialog requests (BYE, ACK and OPTIONS are handled by the UA core).</summary>
    public IDialogRequestHandler? Handler { get; set; }

    /// <summary>Completes, with the reason, when the dialog ends (BYE either way, a failed in-dialog request, no ACK, shutdown).</summary>
    public Task<DialogEndReason> Ended => _ended.Task;

    /// <summary>True once the dialog has ended.</summary>
    public bool IsEnded => _ended.Task.IsCompleted;

    /// <summary>True when this side placed the call (sent the INVITE, so it owns the Call-ID), which sets its 491 retry wait (§14.1).</summary>
    public bool IsCaller { get; private init; }

    /// <summary>The last re-INVITE this side sent in the dialog; while it has no final response, one from the peer gets 491.</summary>
    internal ClientTransaction? LocalInvite { get; set; }

    /// <summary>The last re-INVITE the peer sent in the dialog; while it is unanswered, another one gets 500 with Retry-After (§14.2).</summary>
    internal ServerTransaction? RemoteInvite { get; set; }

    /// <summary>The last ACK this side sent for a 2xx, and where, so a retransmitted 2xx is acknowledged again.</summary>
    internal (SipRequest Ack, SipDestination Destination)? LastAck { get; set; }

    /// <summary>The first ACK of a dialog this side placed, which must leave before any request inside it.</summary>
    internal Task FirstAck { get; set; } = Task.CompletedTask;

    /// <summary>The dialog a UAS forms when it answers <paramref name="invite"/> with the 2xx <paramref name="response"/> (§12.1.1).</summary>
    public static Dialog ForServer(SipRequest invite, SipResponse response)
    {
        var dialog = new Dialog(
            invite.CallId!,
            response.To!.Tag ?? throw new ArgumentException("The response has no To tag.", nameof(response)),
            invite.From!.Tag ?? string.Empty,
            response.To,
            invite.From,
            invite.Known.Contacts.FirstOrDefault()?.Uri ?? invite.From.Uri,
            [.. invite.Known.RecordRoutes]);
        dialog.RemoteSequence = invite.CSeq!.Number;
        return dialog;
    }

    /// <summary>The dialog a UAC forms from the 2xx <paramref name="response"/> to its <paramref name="invite"/> (§12.1.2).</summary>
    public static Dialog ForClient(SipRequest invite, SipResponse response)
    {
        var routes = response.Known.RecordRoutes.ToList();
        routes.Reverse();
        var dialog = new Dialog(
            invite.CallId!,
            invite.From!.Tag ?? throw new ArgumentException("The INVITE has no From tag.", nameof(invite)),
            response.To!.Tag ?? string.Empty,
            invite.From,
            response.To,
            response.Known.Contacts.FirstOrDefault()?.Uri ?? invite.RequestUri,
            routes)
        {
            IsCaller = true,
        };
        dialog.LocalSequence = invite.CSeq!.Number;
        return dialog;
    }

    /// <summary>The table key for the given identifiers.</summary>
    public static string KeyOf(string callId, string localTag, string remoteTag) => $"{callId}|{localTag}|{remoteTag}";

    /// <summary>True when <paramref name="request"/> belongs to this dialog (Call-ID and both tags).</summary>
    public bool Matches(SipRequest request) =>
        request.CallId == CallId && request.To?.Tag == LocalTag && request.From?.Tag == RemoteTag;

    /// <summary>
    /// Checks the CSeq of an in-dialog request from the peer (§12.2.2): a lower number than the last one is out of order
    /// (answer 500); a target refresh (re-INVITE) with a Contact moves the remote target.
    /// </summary>
    public bool AcceptRequest(SipRequest request)
    {
        lock (_gate)
        {
            var number = request.CSeq!.Number;
            if (request.Method != SipMethods.Ack && request.Method != SipMethods.Cancel)
            {
                if (RemoteSequence is { } last && number <= last)
                {
                    return false;
                }

                RemoteSequence = number;
            }

            if (request.Method is SipMethods.Invite or SipMethods.Update && request.Known.Contacts.FirstOrDefault() is { } contact)
            {
                RemoteTarget = contact.Uri;
            }

            return true;
        }
    }

    /// <summary>A 2xx to this side's re-INVITE refreshes the remote target with its Contact (§12.2.1.2).</summary>
    public void RefreshTarget(SipResponse success)
    {
        if (success.Known.Contacts.FirstOrDefault() is { } contact)
        {
            lock (_gate)
            {
                RemoteTarget = contact.Uri;
            }
        }
    }

    /// <summary>A new request inside the dialog (§12.2.1.1) with the next CSeq; ACK is made with <see cref="CreateAck"/>.</summary>
    public SipRequest CreateRequest(string method)
    {
        uint sequence;
        lock (_gate)
        {
            sequence = ++LocalSequence;
        }

        return Build(method, sequence);
    }

    /// <summary>The ACK for a 2xx to the INVITE with CSeq <paramref name="inviteSequence"/> (§13.2.2.4).</summary>
    public SipRequest CreateAck(uint inviteSequence) => Build(SipMethods.Ack, inviteSequence);

    /// <summary>Where the next request goes first: the top route, or the remote target when there is no route set.</summary>
    public AddressUri NextHop => RouteSet.Count > 0 ? RouteSet[0].Uri : RemoteTarget;

    private SipRequest Build(string method, uint sequence)
    {
        var request = new SipRequest(method, RemoteTarget);
        foreach (var route in RouteSet)
        {
            request.Headers.Add(HeaderNames.Route, route.ToString());
        }

        request.Headers.Add(HeaderNames.From, LocalUri.WithTag(LocalTag).ToString());
        request.Headers.Add(HeaderNames.To, (RemoteTag.Length > 0 ? RemoteUri.WithTag(RemoteTag) : RemoteUri).ToString());
        request.Headers.Add(HeaderNames.CallId, CallId);
        request.Headers.Add(HeaderNames.CSeq, new CSeq(sequence, method).ToString());
        return request;
    }

    /// <summary>Marks the dialog ended; the first reason wins.</summary>
    internal bool End(DialogEndReason reason) => _ended.TrySetResult(reason);
}
