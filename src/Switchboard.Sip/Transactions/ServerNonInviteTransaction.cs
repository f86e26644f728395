using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>The non-INVITE server transaction (RFC 3261 §17.2.2): absorbs retransmissions, repeats the last response, ends after Timer J.</summary>
public sealed class ServerNonInviteTransaction : ServerTransaction
{
    private readonly TransactionTimer _timerJ;

    internal ServerNonInviteTransaction(SipRequest request, SipSource source, string key, TransactionLayer layer)
        : base(request, source, key, layer, layer.Timers.Timeout)
    {
        _timerJ = new TransactionTimer(layer.Time, Terminate);
    }

    internal override void OnRetransmission(SipRequest request)
    {
        lock (Gate)
        {
            if (LastResponse is { } last)
            {
                Send(last);
            }
        }
    }

    private protected override void DisposeTimers() => _timerJ.Dispose();

    private protected override void OnFinalSent(SipResponse response) => _timerJ.Start(IsReliable ? TimeSpan.Zero : Layer.Timers.Timeout);

    private protected override SipResponse NoAnswerResponse() => SipResponse.For(Request, 500, "Server Internal Error (no answer)");
}
