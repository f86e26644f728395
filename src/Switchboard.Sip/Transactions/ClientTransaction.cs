using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>What INVITE and non-INVITE client transactions share: the request, its destination, and the responses handed to the caller.</summary>
public abstract class ClientTransaction : IDisposable
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected ClientTransaction(SipRequest request, SipDestination destination, string key, TransactionLayer layer)
    {
        Request = request;
        Destination = destination;
        Key = key;
        Layer = layer;
    }

    /// <summary>Every response passed up: provisional ones, the final one, and (INVITE) later 2xx from other forks or retransmissions.</summary>
    public event Action<SipResponse>? ResponseReceived;

    /// <summary>The request, Via included.</summary>
    public SipRequest Request { get; }

    /// <summary>Where it is sent.</summary>
    public SipDestination Destination { get; }

    /// <summary>The final response; a timeout gives a locally made 408.</summary>
    public Task<SipResponse> FinalResponse => _final.Task;

    internal string Key { get; }

    private protected object Gate { get; } = new();

    private protected TransactionLayer Layer { get; }

    private protected bool IsReliable => Layer.Transport.TransportFor(Destination).IsReliable;

    /// <inheritdoc/>
    public void Dispose()
    {
        DisposeTimers();
        GC.SuppressFinalize(this);
    }

    internal abstract void Start();

    internal abstract void OnResponse(SipResponse response);

    private protected abstract void DisposeTimers();

    private protected void SendRequest(SipRequest request) => Layer.Send(request, Destination);

    private protected void PassUp(SipResponse response)
    {
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

    private protected void Terminate()
    {
        Layer.Remove(this);
        DisposeTimers();
    }
}
