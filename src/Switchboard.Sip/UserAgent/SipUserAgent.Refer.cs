using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.UserAgent;

/// <summary>The REFER half of the UA core: sending REFER in a dialog and following its implicit subscription (RFC 3515, RFC 4488).</summary>
public sealed partial class SipUserAgent
{
    private readonly ConcurrentDictionary<(string Dialog, uint Sequence), ReferSubscription> _referrals = new();

    /// <summary>Sends REFER in <paramref name="dialog"/> (a blind transfer to <paramref name="referTo"/>) and follows its NOTIFYs until the final one; see the overload with progress.</summary>
    public Task<ReferResult> ReferAsync(Dialog dialog, AddressUri referTo, CancellationToken cancellationToken) =>
        ReferAsync(dialog, referTo, null, cancellationToken);

    /// <summary>
    /// Sends REFER in <paramref name="dialog"/> with Refer-To <paramref name="referTo"/> and Referred-By this side's address, then
    /// answers each NOTIFY (<c>Event: refer</c>, <c>message/sipfrag</c> body) with 200, reporting every sipfrag status to
    /// <paramref name="progress"/>, until one says <c>Subscription-State: terminated</c>. A 2xx REFER and a 2xx final sipfrag is
    /// success (so is a 2xx with <c>Refer-Sub: false</c>, RFC 4488, which promises no NOTIFY); a non-2xx REFER, a non-2xx final
    /// sipfrag, or no final NOTIFY within <see cref="SipUserAgentOptions.ReferTimeout"/> of the 2xx is a failure with its reason.
    /// The NOTIFYs are followed even if the dialog ends with BYE meanwhile (the subscription is a usage of its own, RFC 5057).
    /// Cancelling <paramref name="cancellationToken"/> stops waiting for NOTIFYs and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<ReferResult> ReferAsync(Dialog dialog, AddressUri referTo, IProgress<SipFragStatus>? progress, CancellationToken cancellationToken)
    {
        var hop = await NextHop.ResolveAsync(dialog.NextHop, cancellationToken);
        var refer = dialog.CreateRequest(SipMethods.Refer);
        refer.Headers.Add(HeaderNames.ReferTo, $"<{referTo}>");
        refer.Headers.Add(HeaderNames.ReferredBy, $"<{dialog.LocalUri.Uri}>");
        refer.Headers.Add(HeaderNames.Contact, $"<{ContactFor(hop)}>");
        var key = (dialog.Key, refer.CSeq!.Number);
        var subscription = new ReferSubscription(progress);
        _referrals[key] = subscription;
        try
        {
            var response = await SendInDialogAsync(dialog, refer, cancellationToken);
            if (!response.IsSuccess)
            {
                return new ReferResult(ReferOutcome.Refused, response, null, $"REFER answered {response.StatusCode} {response.Reason}".TrimEnd());
            }

            if (string.Equals(response.Headers.Get(HeaderNames.ReferSub)?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            {
                return new ReferResult(ReferOutcome.Succeeded, response, null, "accepted without progress reports (Refer-Sub: false)");
            }

            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timeout = Task.Delay(_options.ReferTimeout, Transactions.Time, waiting.Token);
            var ended = await Task.WhenAny(subscription.Terminated, timeout);
            await waiting.CancelAsync();
            if (ended != subscription.Terminated)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LogReferTimedOut(_logger, dialog.CallId, _options.ReferTimeout.TotalSeconds);
                return new ReferResult(ReferOutcome.TimedOut, response, null, $"no final NOTIFY within {_options.ReferTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }

            return await subscription.Terminated switch
            {
                { IsSuccess: true } final => new ReferResult(ReferOutcome.Succeeded, response, final, final.ToString()),
                { } final => new ReferResult(ReferOutcome.Failed, response, final, final.ToString()),
                null => new ReferResult(ReferOutcome.Failed, response, null, "the subscription ended without a final status"),
            };
        }
        finally
        {
            _referrals.TryRemove(key, out _);
        }
    }

    /// <summary>Answers a NOTIFY that reports on a REFER this side sent (and returns true); any other NOTIFY is left to the dialog.</summary>
    private bool TryReferNotify(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (request.Headers.Get(HeaderNames.Event) is not { } value || !ReferSubscription.TryReadEvent(value, out var package, out var id)
            || !package.Equals("refer", StringComparison.OrdinalIgnoreCase) || FindReferral(request, id) is not { } subscription)
        {
            return false;
        }

        if (_dialogs.TryFindFor(request, out var dialog))
        {
            if (!dialog.AcceptRequest(request))
            {
                incoming.Respond(500, "Server Internal Error (CSeq out of order)");
                return true;
            }

            incoming.Dialog = dialog;
        }

        var terminated = ReferSubscription.IsTerminated(request.Headers.Get(HeaderNames.SubscriptionState));
        SipFragStatus? status = null;
        if (!request.Body.IsEmpty && (status = SipFrag.Parse(request.Body.Span, out var rejection)) is null)
        {
            incoming.Respond(400, $"Bad Request ({rejection})");
            subscription.OnNotify(null, terminated);
            return true;
        }

        incoming.Respond(200);
        subscription.OnNotify(status, terminated);
        return true;
    }

    /// <summary>The subscription a NOTIFY from the peer reports on: by the Event id (the REFER's CSeq), or the dialog's first REFER without one.</summary>
    private ReferSubscription? FindReferral(SipRequest notify, uint? id)
    {
        if (notify.CallId is not { } callId || notify.To?.Tag is not { } local || notify.From?.Tag is not { } remote)
        {
            return null;
        }

        var dialog = Dialog.KeyOf(callId, local, remote);
        if (id is { } sequence)
        {
            return _referrals.GetValueOrDefault((dialog, sequence));
        }

        return _referrals.Where(entry => entry.Key.Dialog == dialog).MinBy(entry => entry.Key.Sequence).Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "REFER in dialog {CallId} got no final NOTIFY within {Seconds} s")]
    private static partial void LogReferTimedOut(ILogger logger, string callId, double seconds);
}
