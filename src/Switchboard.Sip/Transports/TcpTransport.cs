using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transports;

/// <summary>SIP over TCP: accepts connections, opens them on demand for sending, and reuses one connection per peer (RFC 3261 §18).</summary>
public sealed partial class TcpTransport : ISipTransport
{
    private readonly Socket _listener;
    private readonly SipParserLimits _limits;
    private readonly TcpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, TcpConnection> _connections = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private Action<ReceivedMessage> _receive = static _ => { };
    private Task _accepting = Task.CompletedTask;

    /// <summary>Binds and listens at once so the port is known before <see cref="Start"/>.</summary>
    public TcpTransport(IPEndPoint bind, SipParserLimits limits, TcpOptions options, TimeProvider time, ILogger logger)
    {
        _limits = limits;
        _options = options;
        _time = time;
        _logger = logger;
        _listener = BoundSocket.Create(bind, SocketType.Stream, ProtocolType.Tcp);
        _listener.Listen(512);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    /// <inheritdoc/>
    public SipTransportProtocol Protocol => SipTransportProtocol.Tcp;

    /// <inheritdoc/>
    public bool IsReliable => true;

    /// <inheritdoc/>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>How many connections are open now.</summary>
    public int ConnectionCount => _connections.Count;

    /// <inheritdoc/>
    public void Start(Action<ReceivedMessage> receive)
    {
        _receive = receive;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    /// <inheritdoc/>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken)
    {
        try
        {
            var connection = _connections.TryGetValue(remote, out var open) ? open : await ConnectAsync(remote, cancellationToken);
            await connection.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            LogSendFailed(_logger, remote, e.Message);
            throw new SipTransportException($"Cannot send to tcp:{remote}: {e.Message}", e);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }

        await Task.WhenAll(_running.Keys);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                socket.Dispose();
                continue;
            }

            Run(new TcpConnection(socket, Normalize((IPEndPoint)socket.RemoteEndPoint!)));
        }
    }

    private async Task<TcpConnection> ConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(remote, linked.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var connection = new TcpConnection(socket, remote);
        Run(connection);
        return connection;
    }

    private void Run(TcpConnection connection)
    {
        _connections[connection.Remote] = connection;
        var task = Task.Run(async () =>
        {
            await connection.RunAsync(this, _limits, _options, _time, _receive, _stopping.Token);
            _connections.TryRemove(new KeyValuePair<IPEndPoint, TcpConnection>(connection.Remote, connection));
            connection.Dispose();
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    [LoggerMessage(Level = LogLevel.Debug, Message = "TCP send to {Remote} failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, IPEndPoint remote, string error);
}
