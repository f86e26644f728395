using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The INVITE server transaction (RFC 3261 §17.2.1 with RFC 6026): 100 Trying at once, provisional responses repeated on
/// retransmission, a 480 if nobody answers within Timer C, a non-2xx final repeated (Timer G) until its ACK (then Timer I) or Timer H; after a 2xx it absorbs
/// retransmitted INVITEs for Timer L while the UA core repeats the 2xx itself.
/// </summary>
public sealed class ServerInviteTransaction : ServerTransaction
{
    private readonly TransactionTimer _timerG;
    private readonly TransactionTimer _timerH;
    private readonly TransactionTimer _timerEnd;
    private bool _confirmed;

    internal ServerInviteTransaction(SipRequest request, SipSource source, string key, TransactionLayer layer)
        : base(request, source, key, layer, layer.Timers.C)
    {
        _timerG = new TransactionTimer(layer.Time, RetransmitFinal);
        _timerH = new TransactionTimer(layer.Time, Terminate);
        _timerEnd = new TransactionTimer(layer.Time, Terminate);
        Respond(SipResponse.For(request, 100));
    }

    /// <summary>True once a CANCEL for this INVITE was received.</summary>
    public bool IsCancelled { get; internal set; }

    internal override void OnRetransmission(SipRequest request)
    {
        lock (Gate)
        {
            if (LastResponse is { } last && !last.IsSuccess && !_confirmed)
            {
                Send(last);
            }
        }
    }

    internal override void OnAck(SipRequest ack)
    {
        lock (Gate)
        {
            if (_confirmed || LastResponse is not { StatusCode: >= 300 })
            {
                return;
            }

            _confirmed = true;
            _timerG.Stop();
            _timerH.Stop();
            _timerEnd.Start(IsReliable ? TimeSpan.Zero : Layer.Timers.T4);
        }
    }

    private protected override void OnFinalSent(SipResponse response)
    {
        if (response.IsSuccess)
        {
            _timerEnd.Start(Layer.Timers.Timeout);
            return;
        }

        if (!IsReliable)
        {
            _timerG.Start(Layer.Timers.T1);
        }

        _timerH.Start(Layer.Timers.Timeout);
    }

    private protected override SipResponse NoAnswerResponse() => SipResponse.For(Request, 480, "Temporarily Unavailable (no answer)", Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6)));

    private protected override void DisposeTimers()
    {
        _timerG.Dispose();
        _timerH.Dispose();
        _timerEnd.Dispose();
    }

    private void RetransmitFinal()
    {
        lock (Gate)
        {
            if (_confirmed || LastResponse is null)
            {
                return;
            }

            Send(LastResponse);
            _timerG.StartDoubled(Layer.Timers.T2);
        }
    }
}
