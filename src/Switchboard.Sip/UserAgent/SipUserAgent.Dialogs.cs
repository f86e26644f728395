using Microsoft.Extensions.Logging;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.UserAgent;

/// <summary>The dialog half of the UA core: in-dialog requests received, INVITE placed, requests and BYE sent inside a dialog.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>How many 3xx redirects <see cref="InviteAsync"/> follows before it returns the redirect.</summary>
    public const int MaxRedirects = 5;

    /// <summary>How many dialogs one INVITE may fork into (2xx with different To tags); a 2xx beyond them is ignored, so an INVITE's memory is bounded.</summary>
    public const int MaxForks = 8;

    /// <summary>
    /// Places <paramref name="invite"/> (From with a tag, To, Call-ID, CSeq, Contact and body filled in by the caller): ACKs every
    /// 2xx (again for retransmissions), keeps the dialog in <see cref="Dialogs"/> with <paramref name="inDialog"/> answering the
    /// peer's in-dialog requests, and follows a 3xx to its first SIP Contact not tried yet (same Call-ID and From tag, CSeq + 1,
    /// §8.1.3.4), at most <see cref="MaxRedirects"/> times. Cancelling <paramref name="cancellationToken"/> sends CANCEL once the
    /// call rings (§9.1); the INVITE then normally ends with 487, and a 2xx that crosses the CANCEL is acknowledged and hung up at once.
    /// </summary>
    public async Task<InviteResult> InviteAsync(SipRequest invite, SipDestination destination, IDialogRequestHandler? inDialog = null, CancellationToken cancellationToken = default)
    {
        var tried = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { $"{invite.RequestUri}" };
        for (var redirects = 0; ; redirects++)
        {
            var result = await PlaceAsync(invite, destination, inDialog, cancellationToken);
            var next = result.Response.StatusCode is >= 300 and < 400 && redirects < MaxRedirects && !cancellationToken.IsCancellationRequested
                ? result.Response.Known.Contacts.Select(contact => contact.Uri).FirstOrDefault(uri => uri is SipUri && tried.Add($"{uri}"))
                : null;
            if (next is null)
            {
                return result;
            }

            LogRedirected(_logger, invite.CallId!, result.Response.StatusCode, next);
            invite = Redirected(invite, next);
            destination = await NextHop.ResolveAsync(next, cancellationToken);
        }
    }

    private async Task<InviteResult> PlaceAsync(SipRequest invite, SipDestination destination, IDialogRequestHandler? inDialog, CancellationToken cancellationToken)
    {
        var transaction = SendRequest(invite, destination);
        var forks = new Dictionary<string, Dialog>();
        transaction.ResponseReceived += response =>
        {
            if (response.IsSuccess)
            {
                // The first 2xx is the final response itself (set before this event); any other 2xx is a retransmission or a fork.
                var first = transaction.FinalResponse.IsCompletedSuccessfully && ReferenceEquals(transaction.FinalResponse.Result, response);
                var dialog = Confirm(invite, response, inDialog, forks, acknowledgeAgain: !first);
                if (dialog is not null && transaction.FinalResponse.IsCompleted && transaction.FinalResponse.Result.To?.Tag != response.To?.Tag)
                {
                    _ = HangUpAsync(dialog);
                }
            }
        };

        SipResponse final;
        using (cancellationToken.Register(() => _ = CancelWhenRingingAsync(transaction)))
        {
            final = await transaction.FinalResponse;
        }

        if (!final.IsSuccess)
        {
            return new InviteResult(final, null);
        }

        var established = Confirm(invite, final, inDialog, forks, acknowledgeAgain: false)!;
        await established.FirstAck;
        if (cancellationToken.IsCancellationRequested)
        {
            await HangUpAsync(established, CancellationToken.None);
        }

        return new InviteResult(final, established);
    }

    /// <summary>
    /// Sends <paramref name="request"/> (made with <see cref="Dialog.CreateRequest"/>) inside <paramref name="dialog"/> through its
    /// route set and returns the final response; a 2xx to a re-INVITE is ACKed and refreshes the remote target, and 481 or 408
    /// ends the dialog (§12.2.1.2). A re-INVITE answered 491 (it crossed one from the peer, §14.1) is sent again with the next
    /// CSeq after a random wait, 2.1–4 s when this side placed the call and 0–2 s when it answered it, at most
    /// <see cref="Glare.MaxRetries"/> times.
    /// </summary>
    public async Task<SipResponse> SendInDialogAsync(Dialog dialog, SipRequest request, CancellationToken cancellationToken = default)
    {
        for (var retries = 0; ; retries++)
        {
            var final = await SendInDialogOnceAsync(dialog, request, cancellationToken);
            if (request.Method != SipMethods.Invite || final.StatusCode != 491 || retries == Glare.MaxRetries || dialog.IsEnded)
            {
                return final;
            }

            var wait = Glare.RetryDelay(dialog.IsCaller, Random.Shared);
            LogGlare(_logger, dialog.CallId, wait.TotalMilliseconds);
            await Task.Delay(wait, Transactions.Time, cancellationToken);
            request = Glare.Again(dialog, request);
        }
    }

    private async Task<SipResponse> SendInDialogOnceAsync(Dialog dialog, SipRequest request, CancellationToken cancellationToken)
    {
        var hop = await NextHop.ResolveAsync(dialog.NextHop, cancellationToken);
        var transaction = SendRequest(request, hop);
        if (request.Method == SipMethods.Invite)
        {
            dialog.LocalInvite = transaction;
            var ack = dialog.CreateAck(request.CSeq!.Number);
            transaction.ResponseReceived += response =>
            {
                if (response.IsSuccess)
                {
                    dialog.LastAck = (ack, hop);
                    _ = SendAckAsync(ack, hop).AsTask();
                }
            };
        }

        var final = await transaction.FinalResponse;
        if (final.StatusCode is 481 or 408)
        {
            _dialogs.End(dialog, DialogEndReason.RequestFailed);
        }
        else if (request.Method == SipMethods.Invite && final.IsSuccess)
        {
            dialog.RefreshTarget(final);
        }

        return final;
    }

    /// <summary>Hangs up: sends BYE through the route set; the dialog ends with its response (or its timeout). Null when the dialog had already ended.</summary>
    public async Task<SipResponse?> HangUpAsync(Dialog dialog, CancellationToken cancellationToken = default)
    {
        if (!_dialogs.End(dialog, DialogEndReason.LocalBye))
        {
            return null;
        }

        return await SendByeAsync(dialog, cancellationToken);
    }

    private void InDialog(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (request.Method == SipMethods.Notify && TryReferNotify(incoming))
        {
            return;
        }

        if (!_dialogs.TryFindFor(request, out var dialog))
        {
            incoming.Respond(481);
            return;
        }

        if (!dialog.AcceptRequest(request))
        {
            incoming.Respond(500, "Server Internal Error (CSeq out of order)");
            return;
        }

        incoming.Dialog = dialog;
        switch (request.Method)
        {
            case SipMethods.Invite when dialog.LocalInvite is { FinalResponse.IsCompleted: false }:
                incoming.Respond(491);
                return;
            case SipMethods.Invite when dialog.RemoteInvite is { HasFinalResponse: false }:
                var pending = incoming.CreateResponse(500, "Server Internal Error (an earlier INVITE is still pending)");
                pending.Headers.Add(HeaderNames.RetryAfter, Glare.RetryAfterSeconds(Random.Shared).ToString(System.Globalization.CultureInfo.InvariantCulture));
                incoming.Respond(pending);
                return;
            case SipMethods.Invite:
                dialog.RemoteInvite = incoming.Transaction;
                break;
            case SipMethods.Bye:
                incoming.Respond(200);
                _dialogs.End(dialog, DialogEndReason.RemoteBye);
                return;
            case SipMethods.Options:
                incoming.Respond(Capabilities(incoming.CreateResponse(200)));
                return;
        }

        if (dialog.Handler is { } handler)
        {
            _ = HandleInDialogAsync(handler, dialog, incoming);
            return;
        }

        LogUnhandledInDialog(_logger, request.Method, dialog.CallId);
        incoming.Respond(request.Method == SipMethods.Invite ? 488 : 200);
    }

    private async Task HandleInDialogAsync(IDialogRequestHandler handler, Dialog dialog, IncomingRequest incoming)
    {
        try
        {
            await handler.HandleAsync(dialog, incoming, _stopping.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogHandlerFailed(_logger, incoming.Request.Method, e);
            incoming.Respond(500);
        }
    }

    /// <summary>
    /// The dialog of a 2xx to this side's INVITE: created and ACKed the first time, ACKed again for a retransmission
    /// (<paramref name="acknowledgeAgain"/>; not when the same 2xx is looked at twice, once as an event and once as the final response).
    /// <paramref name="forks"/> holds this INVITE's dialogs by To tag, so a 2xx repeated after the dialog ended does not revive it;
    /// null for a new fork beyond <see cref="MaxForks"/> (the final response's own dialog is always the first one).
    /// </summary>
    private Dialog? Confirm(SipRequest invite, SipResponse success, IDialogRequestHandler? inDialog, Dictionary<string, Dialog> forks, bool acknowledgeAgain)
    {
        var tag = success.To?.Tag ?? string.Empty;
        lock (forks)
        {
            if (forks.TryGetValue(tag, out var known))
            {
                if (acknowledgeAgain && known.LastAck is { } last)
                {
                    _ = SendAckAsync(last.Ack, last.Destination).AsTask();
                }

                return known;
            }

            if (forks.Count >= MaxForks)
            {
                return null;
            }

            var dialog = _dialogs.Add(Dialog.ForClient(invite, success));
            dialog.Handler = inDialog;
            dialog.FirstAck = SendFirstAckAsync(dialog, invite.CSeq!.Number);
            forks[tag] = dialog;
            return dialog;
        }
    }

    private async Task SendFirstAckAsync(Dialog dialog, uint inviteSequence)
    {
        try
        {
            var hop = await NextHop.ResolveAsync(dialog.NextHop, _stopping.Token);
            var ack = dialog.CreateAck(inviteSequence);
            dialog.LastAck = (ack, hop);
            await SendAckAsync(ack, hop, _stopping.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAckFailed(_logger, dialog.CallId, e);
        }
    }

    /// <summary>The INVITE again, toward <paramref name="target"/>: every header but Via kept, the CSeq one higher.</summary>
    private static SipRequest Redirected(SipRequest invite, AddressUri target)
    {
        var next = new SipRequest(SipMethods.Invite, target) { Body = invite.Body };
        foreach (var header in invite.Headers)
        {
            if (header.Is(HeaderNames.CSeq))
            {
                next.Headers.Add(HeaderNames.CSeq, new CSeq(invite.CSeq!.Number + 1, SipMethods.Invite).ToString());
            }
            else if (!header.Is(HeaderNames.Via))
            {
                next.Headers.Add(header);
            }
        }

        return next;
    }

    private async Task CancelWhenRingingAsync(ClientTransaction invite)
    {
        await invite.FirstResponse;
        if (invite.FinalResponse.IsCompleted)
        {
            return;
        }

        var request = invite.Request;
        var cancel = new SipRequest(SipMethods.Cancel, request.RequestUri);
        foreach (var header in request.Headers)
        {
            if (header.Is(HeaderNames.Route) || header.Is(HeaderNames.From) || header.Is(HeaderNames.To) || header.Is(HeaderNames.CallId))
            {
                cancel.Headers.Add(header);
            }
        }

        cancel.Headers.Add(HeaderNames.CSeq, new CSeq(request.CSeq!.Number, SipMethods.Cancel).ToString());
        SendRequest(cancel, invite.Destination, request.TopVia!.Branch);
        await Task.WhenAny(invite.FinalResponse, Task.Delay(Transactions.Timers.Timeout, Transactions.Time));
        invite.GiveUp();
    }

    private async Task EndWhenUnacknowledgedAsync(Dialog dialog, Task<SipRequest?> acknowledged)
    {
        if (await acknowledged is null && _dialogs.End(dialog, DialogEndReason.NoAck))
        {
            await SendByeAsync(dialog, _stopping.Token);
        }
    }

    private async Task<SipResponse?> SendByeAsync(Dialog dialog, CancellationToken cancellationToken)
    {
        try
        {
            var hop = await NextHop.ResolveAsync(dialog.NextHop, cancellationToken);
            return await SendRequest(dialog.CreateRequest(SipMethods.Bye), hop).FinalResponse;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogByeFailed(_logger, dialog.CallId, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "INVITE {CallId} redirected ({Status}); following to {Target}")]
    private static partial void LogRedirected(ILogger logger, string callId, int status, AddressUri target);

    [LoggerMessage(Level = LogLevel.Information, Message = "re-INVITE in dialog {CallId} crossed the peer's (491); sending it again in {Milliseconds} ms")]
    private static partial void LogGlare(ILogger logger, string callId, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} in dialog {CallId} has no dialog handler; answered with the default")]
    private static partial void LogUnhandledInDialog(ILogger logger, string method, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the ACK in dialog {CallId}")]
    private static partial void LogAckFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send BYE in dialog {CallId}")]
    private static partial void LogByeFailed(ILogger logger, string callId, Exception exception);
}
