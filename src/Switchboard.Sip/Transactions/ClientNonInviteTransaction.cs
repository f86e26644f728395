using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>The non-INVITE client transaction (RFC 3261 §17.1.2): Timer E retransmits on UDP, Timer F times out, Timer K absorbs late copies.</summary>
public sealed class ClientNonInviteTransaction : ClientTransaction
{
    private readonly TransactionTimer _timerE;
    private readonly TransactionTimer _timerF;
    private readonly TransactionTimer _timerK;
    private bool _proceeding;
    private bool _completed;

    internal ClientNonInviteTransaction(SipRequest request, SipDestination destination, string key, TransactionLayer layer)
        : base(request, destination, key, layer)
    {
        _timerE = new TransactionTimer(layer.Time, Retransmit);
        _timerF = new TransactionTimer(layer.Time, OnTimeout);
        _timerK = new TransactionTimer(layer.Time, Terminate);
    }

    internal override void Start()
    {
        lock (Gate)
        {
            SendRequest(Request);
            if (!IsReliable)
            {
                _timerE.Start(Layer.Timers.T1);
            }

            _timerF.Start(Layer.Timers.Timeout);
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            if (_completed)
            {
                return;
            }

            if (response.IsProvisional)
            {
                _proceeding = true;
            }
            else
            {
                _completed = true;
                _timerE.Stop();
                _timerF.Stop();
                _timerK.Start(IsReliable ? TimeSpan.Zero : Layer.Timers.T4);
            }
        }

        PassUp(response);
    }

    private protected override void DisposeTimers()
    {
        _timerE.Dispose();
        _timerF.Dispose();
        _timerK.Dispose();
    }

    private void Retransmit()
    {
        lock (Gate)
        {
            if (_completed)
            {
                return;
            }

            SendRequest(Request);
            if (_proceeding)
            {
                _timerE.Start(Layer.Timers.T2);
            }
            else
            {
                _timerE.StartDoubled(Layer.Timers.T2);
            }
        }
    }

    private void OnTimeout()
    {
        lock (Gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            _timerE.Stop();
        }

        TimeOut();
    }
}
