using System.Net;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>
/// Wraps a datagram transport and drops a share of what it sends and of what it receives, as a lossy network would, so the
/// stack's own retransmissions are what has to carry a call through.
/// </summary>
internal sealed class LossyTransport(ISipTransport inner, double loss, int seed) : ISipTransport
{
    private readonly Random _random = new(seed);
    private int _droppedSent;
    private int _droppedReceived;

    public SipTransportProtocol Protocol => inner.Protocol;

    public bool IsReliable => inner.IsReliable;

    public IPEndPoint LocalEndPoint => inner.LocalEndPoint;

    public int DroppedSent => _droppedSent;

    public int DroppedReceived => _droppedReceived;

    public void Start(Action<ReceivedMessage> receive) => inner.Start(received =>
    {
        if (Lose())
        {
            Interlocked.Increment(ref _droppedReceived);
            return;
        }

        // The layers above take the message as coming from this transport (responses go back through it).
        receive(received with { Transport = this });
    });

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (Lose())
        {
            Interlocked.Increment(ref _droppedSent);
            return ValueTask.CompletedTask;
        }

        return inner.SendAsync(message, remote, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private bool Lose()
    {
        lock (_random)
        {
            return _random.NextDouble() < loss;
        }
    }
}
