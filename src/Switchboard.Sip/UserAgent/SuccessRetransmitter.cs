using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.UserAgent;

/// <summary>Repeats a 2xx to an INVITE from T1 doubling to T2 until its ACK arrives or 64·T1 passes (RFC 3261 §13.3.1.4).</summary>
internal sealed class SuccessRetransmitter : IDisposable
{
    private readonly SipResponse _response;
    private readonly SipSource _source;
    private readonly TransactionLayer _layer;
    private readonly TaskCompletionSource<SipRequest?> _acknowledged;
    private readonly Action<SuccessRetransmitter> _done;
    private readonly TransactionTimer _retransmit;
    private readonly TransactionTimer _giveUp;
    private readonly Lock _gate = new();
    private bool _finished;

    public SuccessRetransmitter(SipResponse response, SipSource source, TransactionLayer layer, TaskCompletionSource<SipRequest?> acknowledged, Action<SuccessRetransmitter> done)
    {
        _response = response;
        _source = source;
        _layer = layer;
        _acknowledged = acknowledged;
        _done = done;
        _retransmit = new TransactionTimer(layer.Time, Retransmit);
        _giveUp = new TransactionTimer(layer.Time, () => Finish(null));
        Key = KeyOf(response.CallId!, response.CSeq!.Number);
        _retransmit.Start(layer.Timers.T1);
        _giveUp.Start(layer.Timers.Timeout);
    }

    /// <summary>Call-ID and CSeq number, which the ACK repeats.</summary>
    public string Key { get; }

    public static string KeyOf(string callId, uint cseq) => $"{callId}|{cseq}";

    /// <summary>The ACK arrived (or null: it never did).</summary>
    public void Finish(SipRequest? ack)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
        }

        Dispose();
        _acknowledged.TrySetResult(ack);
        _done(this);
    }

    public void Dispose()
    {
        _retransmit.Dispose();
        _giveUp.Dispose();
    }

    private void Retransmit()
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _layer.Send(_response, _source);
            _retransmit.StartDoubled(_layer.Timers.T2);
        }
    }
}
