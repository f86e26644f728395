using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>
/// The INVITE client transaction (RFC 3261 §17.1.1 with RFC 6026): Timer A retransmits on UDP, Timer B times out (Timer C once ringing),
/// a non-2xx final is ACKed here (again for each retransmission, for Timer D); 2xx responses go up for Timer M
/// so the dialog layer can ACK each of them.
/// </summary>
public sealed class ClientInviteTransaction : ClientTransaction
{
    private readonly TransactionTimer _timerA;
    private readonly TransactionTimer _timerB;
    private readonly TransactionTimer _timerEnd;
    private State _state = State.Calling;
    private SipRequest? _ack;

    internal ClientInviteTransaction(SipRequest request, SipDestination destination, string key, TransactionLayer layer)
        : base(request, destination, key, layer)
    {
        _timerA = new TransactionTimer(layer.Time, Retransmit);
        _timerB = new TransactionTimer(layer.Time, OnTimeout);
        _timerEnd = new TransactionTimer(layer.Time, Terminate);
    }

    private enum State
    {
        Calling,
        Proceeding,
        Completed,
        Accepted,
    }

    internal override void Start()
    {
        lock (Gate)
        {
            SendRequest(Request);
            if (!IsReliable)
            {
                _timerA.Start(Layer.Timers.T1);
            }

            _timerB.Start(Layer.Timers.Timeout);
        }
    }

    internal override void OnResponse(SipResponse response)
    {
        lock (Gate)
        {
            switch (_state)
            {
                case State.Calling or State.Proceeding when response.IsProvisional:
                    _state = State.Proceeding;
                    _timerA.Stop();
                    _timerB.Start(Layer.Timers.C);
                    break;
                case State.Calling or State.Proceeding when response.IsSuccess:
                    _state = State.Accepted;
                    StopRetransmitting();
                    _timerEnd.Start(Layer.Timers.Timeout);
                    break;
                case State.Calling or State.Proceeding:
                    _state = State.Completed;
                    StopRetransmitting();
                    _ack = AckFor(response);
                    SendRequest(_ack);
                    _timerEnd.Start(IsReliable ? TimeSpan.Zero : Layer.Timers.D);
                    break;
                case State.Accepted when response.IsSuccess:
                    break;
                case State.Completed when response.StatusCode >= 300:
                    SendRequest(_ack!);
                    return;
                default:
                    return;
            }
        }

        PassUp(response);
    }

    /// <summary>The ACK for a non-2xx final response (§17.1.1.3): same branch, Call-ID, From, Request-URI and Route; To from the response.</summary>
    private SipRequest AckFor(SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, Request.RequestUri);
        foreach (var header in Request.Headers)
        {
            if (header.Is(HeaderNames.Via))
            {
                ack.Headers.Add(header);
                break;
            }
        }

        foreach (var header in Request.Headers)
        {
            if (header.Is(HeaderNames.From) || header.Is(HeaderNames.CallId) || header.Is(HeaderNames.Route) || header.Is(HeaderNames.MaxForwards))
            {
                ack.Headers.Add(header);
            }
        }

        ack.Headers.Add(HeaderNames.To, response.Headers.Get(HeaderNames.To) ?? Request.Headers.Get(HeaderNames.To)!);
        ack.Headers.Add(HeaderNames.CSeq, new CSeq(Request.CSeq!.Number, SipMethods.Ack).ToString());
        return ack;
    }

    private protected override void DisposeTimers()
    {
        _timerA.Dispose();
        _timerB.Dispose();
        _timerEnd.Dispose();
    }

    private void StopRetransmitting()
    {
        _timerA.Stop();
        _timerB.Stop();
    }

    private void Retransmit()
    {
        lock (Gate)
        {
            if (_state != State.Calling)
            {
                return;
            }

            SendRequest(Request);
            _timerA.Start(_timerA.Interval * 2);
        }
    }

    private void OnTimeout()
    {
        lock (Gate)
        {
            if (_state is not State.Calling and not State.Proceeding)
            {
                return;
            }

            _state = State.Completed;
            _timerA.Stop();
        }

        TimeOut();
    }
}
