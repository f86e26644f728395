using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>The transaction layer (RFC 3261 §17): matches what arrives to client and server transactions and creates new ones.</summary>
public sealed partial class TransactionLayer : ISipMessageSink
{
    private readonly ConcurrentDictionary<string, ServerTransaction> _servers = new();
    private readonly ConcurrentDictionary<string, ClientTransaction> _clients = new();
    private readonly ILogger _logger;
    private ITransactionUser? _user;
    private int _live;

    /// <summary>Creates the layer over <paramref name="transport"/>.</summary>
    public TransactionLayer(SipTransportLayer transport, SipTimers timers, TimeProvider time, ILogger logger)
    {
        Transport = transport;
        Timers = timers;
        Time = time;
        _logger = logger;
    }

    /// <summary>The cap on live transactions (the user agent sets it from its options before it starts).</summary>
    public TransactionLimits Limits { get; internal set; } = new();

    /// <summary>The transport layer below.</summary>
    public SipTransportLayer Transport { get; }

    /// <summary>The timer settings.</summary>
    public SipTimers Timers { get; }

    /// <summary>The clock every timer runs on.</summary>
    public TimeProvider Time { get; }

    /// <summary>Server transactions alive now.</summary>
    public int ServerCount => _servers.Count;

    /// <summary>Client transactions alive now.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>Server and client transactions alive now (counted as they come and go, so cheap to read).</summary>
    public int LiveCount => Volatile.Read(ref _live);

    /// <summary>Starts receiving from the transports, passing new requests to <paramref name="user"/>.</summary>
    public void Start(ITransactionUser user)
    {
        _user = user;
        Transport.Start(this);
    }

    /// <summary>Sends a request in a new client transaction: adds a Via with a fresh branch (or <paramref name="branch"/>: a CANCEL reuses its INVITE's, §9.1) and starts the timers.</summary>
    public ClientTransaction SendRequest(SipRequest request, SipDestination destination, string? branch = null)
    {
        branch ??= NewBranch();
        request.Headers.AddFirst(new SipHeader(HeaderNames.Via, Transport.CreateVia(destination, branch).ToString()));
        var key = TransactionKeys.Client(branch, request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method);
        ClientTransaction transaction = request.Method == SipMethods.Invite
            ? new ClientInviteTransaction(request, destination, key, this)
            : new ClientNonInviteTransaction(request, destination, key, this);
        if (!TryReserve(request))
        {
            LogOverCap(_logger, request.Method, "sent", Limits.MaxTransactions);
            transaction.Refuse(SipResponse.For(request, 503, "Service Unavailable (too many transactions)"));
            return transaction;
        }

        if (!_clients.TryAdd(key, transaction))
        {
            Interlocked.Decrement(ref _live);
            _clients[key] = transaction;
        }

        transaction.Start();
        return transaction;
    }

    /// <summary>The INVITE server transaction a CANCEL refers to (§9.2), or null.</summary>
    public ServerInviteTransaction? FindInviteFor(SipRequest cancel) =>
        _servers.TryGetValue(TransactionKeys.Server(cancel, SipMethods.Invite), out var found) ? found as ServerInviteTransaction : null;

    /// <summary>A new RFC 3261 branch: the magic cookie and 96 random bits.</summary>
    public static string NewBranch() => Via.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <inheritdoc/>
    public void OnRequest(SipRequest request, SipSource source)
    {
        var key = TransactionKeys.Server(request);
        if (_servers.TryGetValue(key, out var existing))
        {
            if (request.Method == SipMethods.Ack)
            {
                existing.OnAck(request);
            }
            else
            {
                existing.OnRetransmission(request);
            }

            return;
        }

        if (_user is null || !_user.Admit(request, source))
        {
            return;
        }

        if (request.Method == SipMethods.Ack)
        {
            _user.OnAck(request, source);
            return;
        }

        if (!TryReserve(request))
        {
            LogOverCap(_logger, request.Method, "received", Limits.MaxTransactions);
            var busy = SipResponse.For(request, 503, "Service Unavailable (too many transactions)", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
            busy.Headers.Add(HeaderNames.RetryAfter, ((int)Math.Ceiling(Limits.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Send(busy, source);
            return;
        }

        ServerTransaction transaction = request.Method == SipMethods.Invite
            ? new ServerInviteTransaction(request, source, key, this)
            : new ServerNonInviteTransaction(request, source, key, this);
        if (!_servers.TryAdd(key, transaction))
        {
            Interlocked.Decrement(ref _live);
            transaction.Dispose();
            return;
        }

        _user.OnRequest(transaction);
    }

    /// <inheritdoc/>
    public void OnResponse(SipResponse response, SipSource source)
    {
        if (response.TopVia?.Branch is { } branch && _clients.TryGetValue(TransactionKeys.Client(branch, response.CSeq!.Method), out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }

        _user?.OnStrayResponse(response, source);
    }

    /// <inheritdoc/>
    public void OnRejected(ReceivedMessage message) => _user?.OnRejected(message);

    internal void Send(SipResponse response, SipSource source) => Forget(Transport.SendResponseAsync(response, source));

    internal void Send(SipRequest request, SipDestination destination, Action? failed = null)
    {
        var send = Transport.SendRequestAsync(request, destination);
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(send, failed);
        }
    }

    internal void Remove(ServerTransaction transaction)
    {
        if (_servers.TryRemove(new KeyValuePair<string, ServerTransaction>(transaction.Key, transaction)))
        {
            Interlocked.Decrement(ref _live);
        }
    }

    internal void Remove(ClientTransaction transaction)
    {
        if (_clients.TryRemove(new KeyValuePair<string, ClientTransaction>(transaction.Key, transaction)))
        {
            Interlocked.Decrement(ref _live);
        }
    }

    /// <summary>Counts a new transaction in, unless that would pass the cap (a CANCEL always fits: it ends work).</summary>
    private bool TryReserve(SipRequest request)
    {
        if (Interlocked.Increment(ref _live) <= Limits.MaxTransactions || request.Method == SipMethods.Cancel)
        {
            return true;
        }

        Interlocked.Decrement(ref _live);
        return false;
    }

    private void Forget(ValueTask send)
    {
        if (send.IsCompletedSuccessfully)
        {
            return;
        }

        _ = ObserveAsync(send, null);
    }

    private async Task ObserveAsync(ValueTask send, Action? failed)
    {
        try
        {
            await send;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSendFailed(_logger, e);
            failed?.Invoke();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A {Method} {Direction} over the cap of {Max} transactions was refused with 503")]
    private static partial void LogOverCap(ILogger logger, string method, string direction, int max);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending a SIP message failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
