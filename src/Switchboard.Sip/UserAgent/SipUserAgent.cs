using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Hardening;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The UA core over transactions and transports: makes the §8.2 checks, answers OPTIONS and CANCEL itself, answers
/// requests the parser rejected (400, 501, 505) statelessly, repeats 2xx to INVITE until ACK, keeps the dialog table
/// (in-dialog requests matched or answered 481, BYE either way), and hands new requests to the handler, which may answer later (a handler that never answers is cut off by the transaction's guard: 500, or 480 for INVITE).
/// </summary>
public sealed partial class SipUserAgent : ITransactionUser, IAsyncDisposable
{
    private readonly SipUserAgentOptions _options;
    private readonly ISipRequestHandler _handler;
    private readonly ILogger _logger;
    private readonly string[] _allowed;
    private readonly ConcurrentDictionary<string, SuccessRetransmitter> _awaitingAck = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly DialogTable _dialogs = new();
    private readonly DigestServer? _digest;

    private SipUserAgent(SipUserAgentOptions options, ISipRequestHandler handler, TransactionLayer transactions, ILogger logger)
    {
        _options = options;
        _handler = handler;
        _logger = logger;
        Transactions = transactions;
        transactions.Limits = options.TransactionLimits;
        _digest = options.Authentication is { } authentication ? new DigestServer(authentication, transactions.Time) : null;
        _allowed = [.. new[] { SipMethods.Options, SipMethods.Ack, SipMethods.Cancel, SipMethods.Bye, SipMethods.Info, SipMethods.Notify }.Concat(handler.Methods).Distinct()];
    }

    /// <summary>The transaction layer (and through it the transports).</summary>
    public TransactionLayer Transactions { get; }

    /// <summary>The live dialogs, as this side answered or placed them.</summary>
    public DialogTable Dialogs => _dialogs;

    /// <summary>The bound transports, with their real ports.</summary>
    public IReadOnlyList<ISipTransport> Transports => Transactions.Transport.Transports;

    /// <summary>Binds every listen address and starts serving; throws <see cref="System.Net.Sockets.SocketException"/> when an address cannot be bound.</summary>
    public static SipUserAgent Start(SipUserAgentOptions options, ISipRequestHandler handler, TimeProvider time, ILoggerFactory loggers)
    {
        var transports = new List<ISipTransport>();
        try
        {
            foreach (var listen in options.Listen)
            {
                transports.Add(listen.Protocol switch
                {
                    SipTransportProtocol.Udp => new UdpTransport(listen.EndPoint, options.Limits, loggers.CreateLogger<UdpTransport>()),
                    SipTransportProtocol.Tcp => new TcpTransport(listen.EndPoint, options.Limits, options.Tcp, time, loggers.CreateLogger<TcpTransport>()),
                    _ => throw new NotSupportedException($"{listen.Protocol} is not supported yet."),
                });
            }
        }
        catch
        {
            foreach (var transport in transports)
            {
                transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            throw;
        }

        return Start(options, transports, handler, time, loggers);
    }

    /// <summary>
    /// Starts serving over transports the caller built and bound (a TLS transport, or one that wraps another); the user agent
    /// owns them from now on and disposes them when it stops. <see cref="SipUserAgentOptions.Listen"/> is not used.
    /// </summary>
    public static SipUserAgent Start(SipUserAgentOptions options, IReadOnlyList<ISipTransport> transports, ISipRequestHandler handler, TimeProvider time, ILoggerFactory loggers)
    {
        var transportLayer = new SipTransportLayer(transports, options.Transport, loggers.CreateLogger<SipTransportLayer>());
        var transactions = new TransactionLayer(transportLayer, options.Timers, time, loggers.CreateLogger<TransactionLayer>());
        var agent = new SipUserAgent(options, handler, transactions, loggers.CreateLogger<SipUserAgent>());
        transactions.Start(agent);
        return agent;
    }

    /// <summary>Sends a request in a new client transaction (Max-Forwards and User-Agent added when missing; <paramref name="branch"/> only for a CANCEL, which reuses its INVITE's).</summary>
    public ClientTransaction SendRequest(SipRequest request, SipDestination destination, string? branch = null)
    {
        if (!request.Headers.Contains(HeaderNames.MaxForwards))
        {
            request.Headers.Add(HeaderNames.MaxForwards, "70");
        }

        if (!request.Headers.Contains(HeaderNames.UserAgent))
        {
            request.Headers.Add(HeaderNames.UserAgent, _options.ProductName);
        }

        return Transactions.SendRequest(request, destination, branch);
    }

    /// <summary>Sends the ACK for a 2xx (outside any transaction, with a fresh branch, §13.2.2.4); call it again for each retransmitted 2xx.</summary>
    public ValueTask SendAckAsync(SipRequest ack, SipDestination destination, CancellationToken cancellationToken = default)
    {
        if (!ack.Headers.Contains(HeaderNames.Via))
        {
            ack.Headers.AddFirst(new SipHeader(HeaderNames.Via, Transactions.Transport.CreateVia(destination, TransactionLayer.NewBranch()).ToString()));
            ack.Headers.Add(HeaderNames.MaxForwards, "70");
        }

        return Transactions.Transport.SendRequestAsync(ack, destination, cancellationToken);
    }

    /// <summary>The Contact URI for a request this side sends to <paramref name="destination"/> (see <see cref="ContactFor(ISipTransport, IPAddress?, string?)"/>).</summary>
    public SipUri ContactFor(SipDestination destination, string? user = null) =>
        ContactFor(Transactions.Transport.TransportFor(destination), destination.EndPoint.Address, user);

    /// <summary>The Contact URI for an answer to a request from <paramref name="source"/> (see <see cref="ContactFor(ISipTransport, IPAddress?, string?)"/>).</summary>
    public SipUri ContactFor(SipSource source, string? user = null) => ContactFor(source.Transport, source.Remote.Address, user);

    /// <summary>
    /// The Contact URI for messages sent over <paramref name="transport"/> to <paramref name="peer"/>: the advertised host or the
    /// local address that reaches the peer (never 0.0.0.0 or ::; with no peer given, the address of the default route), this
    /// transport's port, and the transport named for TCP.
    /// </summary>
    public SipUri ContactFor(ISipTransport transport, IPAddress? peer, string? user = null)
    {
        var uri = new SipUri(false, user, new HostPort(Transactions.Transport.HostFor(transport, peer), transport.LocalEndPoint.Port));
        if (transport.Protocol != SipTransportProtocol.Udp)
        {
            uri.Parameters.Set("transport", transport.Protocol.ToString().ToLowerInvariant());
        }

        return uri;
    }

    /// <inheritdoc/>
    public bool Admit(SipRequest request, SipSource source)
    {
        if (_options.DropScanners && ScannerFilter.IsScanner(request))
        {
            LogScannerDropped(_logger, source);
            return false;
        }

        if (_options.RateLimiter is { } limiter && !limiter.TryAcquire(source.Remote.Address))
        {
            LogRateLimited(_logger, source);
            return false;
        }

        return true;
    }

    /// <inheritdoc/>
    public void OnRequest(ServerTransaction transaction)
    {
        var incoming = new IncomingRequest(transaction, this);
        var request = transaction.Request;
        var refusal = RequestChecks.Refusal(request, _allowed, _options, incoming.LocalTag) ?? SourceRefusal(incoming);
        if (refusal is not null)
        {
            incoming.Respond(refusal);
            return;
        }

        if (request.To?.Tag is not null && request.Method != SipMethods.Cancel)
        {
            InDialog(incoming);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Bye or SipMethods.Info or SipMethods.Notify when !_handler.Methods.Contains(request.Method):
                incoming.Respond(481);
                return;
            case SipMethods.Options when !_handler.Methods.Contains(SipMethods.Options):
                incoming.Respond(Capabilities(incoming.CreateResponse(200)));
                return;
            case SipMethods.Cancel:
                Cancel(incoming);
                return;
        }

        _ = HandleAsync(incoming);
    }

    /// <inheritdoc/>
    public void OnAck(SipRequest ack, SipSource source)
    {
        if (ack.CallId is { } callId && ack.CSeq is { } cseq && _awaitingAck.TryGetValue(SuccessRetransmitter.KeyOf(callId, cseq.Number), out var waiting))
        {
            waiting.Finish(ack);
        }
    }

    /// <inheritdoc/>
    public void OnStrayResponse(SipResponse response, SipSource source)
    {
        if (response.IsSuccess && response.CSeq is { Method: SipMethods.Invite } cseq && _dialogs.TryFindFor(response, out var dialog)
            && dialog.LastAck is { } last && last.Ack.CSeq?.Number == cseq.Number)
        {
            _ = SendAckAsync(last.Ack, last.Destination).AsTask();
            return;
        }

        LogStrayResponse(_logger, response.StatusCode, source);
    }

    /// <inheritdoc/>
    public void OnRejected(ReceivedMessage message)
    {
        var rejection = message.Result.Rejection!;
        if (!rejection.IsRequest || rejection.Headers is null || rejection.Method == SipMethods.Ack)
        {
            return;
        }

        var status = rejection.Kind == SipRejectionKind.VersionNotSupported ? 505
            : rejection.Method is { } method && !SipMethods.IsKnown(method) ? 501
            : 400;
        var reason = status == 400 ? $"Bad Request ({Printable(rejection.Reason)})" : null;
        var response = WithServer(SipResponse.For(rejection.Headers, status, reason));
        _ = SendStatelessAsync(response, new SipSource(message.Transport, message.Remote));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var dialog in _dialogs.All)
        {
            _dialogs.End(dialog, DialogEndReason.Shutdown);
        }

        foreach (var waiting in _awaitingAck.Values)
        {
            waiting.Dispose();
        }

        await Transactions.Transport.DisposeAsync();
        _stopping.Dispose();
    }

    internal void Respond(IncomingRequest incoming, ServerTransaction transaction, SipResponse response, TaskCompletionSource<SipRequest?> acknowledged, IDialogRequestHandler? inDialog)
    {
        if (transaction.HasFinalResponse)
        {
            return;
        }

        WithServer(response);
        var initialInvite = transaction is ServerInviteTransaction && transaction.Request.To?.Tag is null;
        if (initialInvite && response.StatusCode is > 100 and < 300)
        {
            CopyRecordRoute(transaction.Request, response);
        }

        var creates = initialInvite && response.IsSuccess;
        if (creates)
        {
            var dialog = _dialogs.Add(Dialog.ForServer(transaction.Request, response));
            dialog.Handler = inDialog;
            incoming.Dialog = dialog;
            _ = EndWhenUnacknowledgedAsync(dialog, acknowledged.Task);
        }

        transaction.Respond(response);
        if (transaction is ServerInviteTransaction && response.IsSuccess)
        {
            var retransmitter = new SuccessRetransmitter(response, transaction.Source, Transactions, acknowledged, done => _awaitingAck.TryRemove(done.Key, out _));
            _awaitingAck[retransmitter.Key] = retransmitter;
        }
    }

    /// <summary>A response that establishes a dialog carries the request's Record-Route headers, in order (RFC 3261 §12.1.1), so the caller's route set matches ours.</summary>
    private static void CopyRecordRoute(SipRequest request, SipResponse response)
    {
        if (response.Headers.GetAll(HeaderNames.RecordRoute).Any())
        {
            return;
        }

        foreach (var recordRoute in request.Headers.GetAll(HeaderNames.RecordRoute))
        {
            response.Headers.Add(recordRoute);
        }
    }

    private async Task HandleAsync(IncomingRequest incoming)
    {
        try
        {
            await _handler.HandleAsync(incoming, _stopping.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogHandlerFailed(_logger, incoming.Request.Method, e);
            incoming.Respond(500);
        }
    }

    private void Cancel(IncomingRequest cancel)
    {
        var invite = Transactions.FindInviteFor(cancel.Request);
        if (invite is null)
        {
            cancel.Respond(481);
            return;
        }

        cancel.Respond(200);
        if (!invite.HasFinalResponse)
        {
            invite.IsCancelled = true;
            invite.Respond(WithServer(SipResponse.For(invite.Request, 487, toTag: invite.LastResponse?.To?.Tag ?? cancel.LocalTag)));
            invite.Abandon();
        }
    }

    /// <summary>
    /// A dialog-creating INVITE from outside the allow-list is refused with 403, or with Digest configured challenged until it is
    /// signed (§22.1); null lets the request through.
    /// </summary>
    private SipResponse? SourceRefusal(IncomingRequest incoming)
    {
        var request = incoming.Request;
        if (request.Method != SipMethods.Invite || request.To?.Tag is not null || _options.InviteSources is not { } allowed || allowed.Allows(incoming.Source.Remote.Address))
        {
            return null;
        }

        if (_digest is null)
        {
            LogSourceRefused(_logger, incoming.Source);
            return incoming.CreateResponse(403, "Forbidden (source not allowed)");
        }

        DigestVerdict verdict;
        try
        {
            verdict = _digest.Verify(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogHandlerFailed(_logger, "Digest password lookup", e);
            return incoming.CreateResponse(500);
        }

        if (verdict.Kind == DigestVerdictKind.Authenticated)
        {
            incoming.AuthenticatedUser = verdict.Username;
            return null;
        }

        LogAuthenticationRefused(_logger, incoming.Source, verdict.Kind, verdict.Username, verdict.Reason);
        return _digest.Refusal(request, verdict, incoming.LocalTag);
    }

    private SipResponse Capabilities(SipResponse response)
    {
        response.Headers.Add(HeaderNames.Allow, string.Join(", ", _allowed));
        response.Headers.Add(HeaderNames.Accept, RequestChecks.AcceptValue(_options));
        response.Headers.Add("Accept-Encoding", "identity");
        if (_options.Extensions.Count > 0)
        {
            response.Headers.Add(HeaderNames.Supported, string.Join(", ", _options.Extensions));
        }

        return response;
    }

    private SipResponse WithServer(SipResponse response)
    {
        if (!response.Headers.Contains(HeaderNames.Server))
        {
            response.Headers.Add(HeaderNames.Server, _options.ProductName);
        }

        return response;
    }

    private async Task SendStatelessAsync(SipResponse response, SipSource source)
    {
        try
        {
            await Transactions.Transport.SendResponseAsync(response, source);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogHandlerFailed(_logger, "stateless response", e);
        }
    }

    private static string Printable(string reason)
    {
        var clean = new string([.. reason.Select(c => char.IsControl(c) ? ' ' : c)]);
        return clean.Length <= 120 ? clean : clean[..120];
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped a {Status} response from {Source} that matches no transaction")]
    private static partial void LogStrayResponse(ILogger logger, int status, SipSource source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped a request from {Source}: its User-Agent is a known scanner")]
    private static partial void LogScannerDropped(ILogger logger, SipSource source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped a request from {Source}: over its rate limit")]
    private static partial void LogRateLimited(ILogger logger, SipSource source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "INVITE from {Source} refused with 403: the source is not in Sip:AllowedSources")]
    private static partial void LogSourceRefused(ILogger logger, SipSource source);

    [LoggerMessage(Level = LogLevel.Information, Message = "INVITE from {Source} not authenticated ({Verdict}, user {User}): {Reason}")]
    private static partial void LogAuthenticationRefused(ILogger logger, SipSource source, DigestVerdictKind verdict, string? user, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Method} handler failed; answered 500")]
    private static partial void LogHandlerFailed(ILogger logger, string method, Exception exception);
}
