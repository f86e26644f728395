using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>What INVITE and non-INVITE client transactions share: the request, its destination, and the responses handed to the caller.</summary>
public abstract class ClientTransaction : IDisposable
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected ClientTransaction(SipRequest request, SipDestination destination, string key, TransactionLayer layer)
    {
        Request = request;
        Destination = destination;
        Key = key;
        Layer = layer;
        IsReliable = layer.Transport.TransportFor(destination).IsReliable;
    }

    /// <summary>Every response passed up: provisional ones, the final one, and (INVITE) later 2xx from other forks or retransmissions.</summary>
    public event Action<SipResponse>? ResponseReceived;

    /// <summary>The request, Via included.</summary>
    public SipRequest Request { get; }

    /// <summary>Where it is sent.</summary>
    public SipDestination Destination { get; }

    /// <summary>Completes with the first response of any kind (a CANCEL may only follow a provisional one, §9.1).</summary>
    public Task FirstResponse => _first.Task;

    /// <summary>The final response; a timeout gives a locally made 408.</summary>
    public Task<SipResponse> FinalResponse => _final.Task;

    internal string Key { get; }

    private protected object Gate { get; } = new();

    private protected TransactionLayer Layer { get; }

    /// <summary>Looked up once: the transport for a destination does not change, and timers consult this per response and retransmission.</summary>
    private protected bool IsReliable { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        DisposeTimers();
        GC.SuppressFinalize(this);
    }

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    private protected abstract void DisposeTimers();

    private protected void SendRequest(SipRequest request) => Layer.Send(request, Destination, TransportFailed);

    private protected void PassUp(SipResponse response)
    {
        _first.TrySetResult();
        if (response.StatusCode >= 200)
        {
            _final.TrySetResult(response);
        }

        ResponseReceived?.Invoke(response);
    }

    private protected void TimeOut()
    {
        PassUp(SipResponse.For(Request, 408, "Request Timeout (no response)"));
        Terminate();
    }

    /// <summary>Ends the transaction with a local 408 unless a final response came (RFC 3261 §9.1: a cancelled INVITE not answered within 64·T1).</summary>
    internal void GiveUp()
    {
        if (!FinalResponse.IsCompleted)
        {
            TimeOut();
        }
    }

    /// <summary>Ends a transaction that was never started with a locally made <paramref name="response"/> (over the transaction cap).</summary>
    internal void Refuse(SipResponse response)
    {
        DisposeTimers();
        PassUp(response);
    }

    /// <summary>The request could not be sent: the caller gets a local 503 at once instead of waiting for a timeout (§17.1.4).</summary>
    private void TransportFailed()
    {
        if (FinalResponse.IsCompleted)
        {
            return;
        }

        PassUp(SipResponse.For(Request, 503, "Service Unavailable (transport error)"));
        Terminate();
    }

    private protected void Terminate()
    {
        Layer.Remove(this);
        DisposeTimers();
    }
}
