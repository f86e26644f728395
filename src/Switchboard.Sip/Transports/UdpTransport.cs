using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transports;

/// <summary>SIP over UDP: one datagram, one message (RFC 3261 §18); a datagram that is not a message is dropped.</summary>
public sealed partial class UdpTransport : ISipTransport
{
    private readonly Socket _socket;
    private readonly SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _receiving = Task.CompletedTask;

    /// <summary>
    /// The socket receive buffer asked for: 4 MiB (Linux books about 2 KiB per small datagram and doubles the request)
    /// holds about a second of what arrives at 1,000 calls per second, so a receive loop that a busy scheduler stalls for
    /// a moment loses nothing; the kernel's default, about 200 KiB, overflowed within 50 ms at 1,500 calls per second.
    /// Linux caps it at net.core.rmem_max.
    /// </summary>
    internal const int ReceiveBufferRequest = 4 * 1024 * 1024;

    /// <summary>Binds the socket at once so the port is known (and taken) before <see cref="Start"/>.</summary>
    public UdpTransport(IPEndPoint bind, SipParserLimits limits, ILogger logger)
    {
        _limits = limits;
        _logger = logger;
        _socket = BoundSocket.Create(bind, SocketType.Dgram, ProtocolType.Udp);
        _socket.ReceiveBufferSize = ReceiveBufferRequest;
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The receive buffer the kernel granted, in bytes (as the kernel reports it).</summary>
    internal int ReceiveBufferBytes => _socket.ReceiveBufferSize;

    /// <inheritdoc/>
    public SipTransportProtocol Protocol => SipTransportProtocol.Udp;

    /// <inheritdoc/>
    public bool IsReliable => false;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <inheritdoc/>
    public void Start(Action<ReceivedMessage> receive) => _receiving = Task.Run(() => ReceiveLoopAsync(receive));

    /// <inheritdoc/>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendToAsync(message, SocketFlags.None, remote, cancellationToken);
        }
        catch (SocketException e)
        {
            LogSendFailed(_logger, remote, e.SocketErrorCode);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        await _receiving;
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync(Action<ReceivedMessage> receive)
    {
        var buffer = new byte[65_535];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (_stopping.IsCancellationRequested)
            {
                // Disposing the socket can abort the pending receive (OperationAborted) before the token is seen.
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue;
            }

            var remote = Normalize((IPEndPoint)received.RemoteEndPoint);
            var result = SipMessageParser.Parse(buffer.AsSpan(0, received.ReceivedBytes), SipFraming.Datagram, _limits);
            receive(new ReceivedMessage(result, this, remote));
        }
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    [LoggerMessage(Level = LogLevel.Debug, Message = "UDP send to {Remote} failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, IPEndPoint remote, SocketError error);
}
