using System.Net;

namespace Switchboard.Sip.Transports;

/// <summary>One listening transport (UDP socket, TCP listener with its connections, later TLS): it frames and parses what arrives and sends bytes to a peer.</summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>The transport protocol.</summary>
    SipTransportProtocol Protocol { get; }

    /// <summary>True for stream transports, where transactions do not retransmit.</summary>
    bool IsReliable { get; }

    /// <summary>The bound address (with the real port when 0 was asked for).</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts receiving; every message (or rejection) is handed to <paramref name="receive"/>.</summary>
    void Start(Action<ReceivedMessage> receive);

    /// <summary>Sends one message to <paramref name="remote"/> (on a stream transport, over the open connection to it, or a new one).</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken);
}
