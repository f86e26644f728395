using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>What INVITE and non-INVITE server transactions share: the request, where it came from, and sending the answer back there.</summary>
public abstract class ServerTransaction : IDisposable
{
    private readonly CancellationTokenSource _ended = new();
    private readonly TransactionTimer _answerGuard;

    private protected ServerTransaction(SipRequest request, SipSource source, string key, TransactionLayer layer, TimeSpan answerWithin)
    {
        Request = request;
        Source = source;
        Key = key;
        Layer = layer;
        _answerGuard = new TransactionTimer(layer.Time, OnNoAnswer);
        _answerGuard.Start(answerWithin);
    }

    /// <summary>The request that opened the transaction.</summary>
    public SipRequest Request { get; }

    /// <summary>Where it came from.</summary>
    public SipSource Source { get; }

    /// <summary>The last response sent, or null.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>True once a final response has been sent.</summary>
    public bool HasFinalResponse => LastResponse is { StatusCode: >= 200 };

    /// <summary>Fires when the request is abandoned: cancelled by the peer (CANCEL), or the transaction ended.</summary>
    public CancellationToken Abandoned => _ended.Token;

    internal string Key { get; }

    private protected object Gate { get; } = new();

    private protected TransactionLayer Layer { get; }

    private protected bool IsReliable => Source.Transport.IsReliable;

    /// <summary>Sends a response; a second final response is ignored (the first one stands).</summary>
    public void Respond(SipResponse response)
    {
        lock (Gate)
        {
            if (HasFinalResponse)
            {
                return;
            }

            LastResponse = response;
            Send(response);
            if (response.StatusCode >= 200)
            {
                _answerGuard.Stop();
                OnFinalSent(response);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _answerGuard.Dispose();
        DisposeTimers();
        _ended.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The same request arrived again.</summary>
    internal abstract void OnRetransmission(SipRequest request);

    /// <summary>An ACK with this transaction's branch arrived (INVITE only).</summary>
    internal virtual void OnAck(SipRequest ack)
    {
    }

    /// <summary>The peer cancelled the request: whoever works on it should stop.</summary>
    internal void Abandon() => _ended.Cancel();

    private protected abstract void DisposeTimers();

    /// <summary>Starts the timers that follow the final response (called under the lock).</summary>
    private protected abstract void OnFinalSent(SipResponse response);

    /// <summary>What to send when the handler never answers (a guard against leaked transactions).</summary>
    private protected abstract SipResponse NoAnswerResponse();


    private protected void Send(SipResponse response) => Layer.Send(response, Source);

    private protected void Terminate()
    {
        Layer.Remove(this);
        _answerGuard.Dispose();
        DisposeTimers();
        _ended.Cancel();
    }

    private void OnNoAnswer()
    {
        if (!HasFinalResponse)
        {
            Respond(NoAnswerResponse());
            Abandon();
        }
    }
}
