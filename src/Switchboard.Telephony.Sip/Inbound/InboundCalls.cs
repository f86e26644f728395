using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Calls;
using Switchboard.Telephony.Sip.Media;
using Switchboard.Telephony.Sip.Routing;

namespace Switchboard.Telephony.Sip.Inbound;

/// <summary>
/// Turns incoming INVITEs into app runs: routes each by the number dialled, takes it on as a <see cref="SipCall"/>, runs the
/// route's app through the flow host, and keeps the live calls (for the status view and for a graceful stop: refuse new calls,
/// let the running ones finish for a while, then hang up the rest).
/// </summary>
public sealed partial class InboundCalls(SipRouter router, FlowHost host, CallMedia media, TimeProvider time, ILoggerFactory loggers) : ISipRequestHandler
{
    /// <summary>The longest a stop waits for the BYEs to the calls it hangs up and for their apps to end.</summary>
    public static readonly TimeSpan HangUpGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Running> _calls = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger("Switchboard.Telephony.Sip");
    private SipUserAgent? _agent;
    private volatile bool _accepting = true;

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite];

    /// <summary>The calls in progress, oldest first.</summary>
    public IReadOnlyList<LiveCall> Active => [.. _calls.Values.Select(c => c.View).OrderBy(v => v.Started)];

    /// <summary>RTP port pairs held by calls now.</summary>
    public int RtpPortsInUse => media.PortsInUse;

    /// <summary>Whether new INVITEs are taken (false once a stop began: they get 503 with Retry-After).</summary>
    public bool Accepting => _accepting;

    /// <summary>Connects the handler to the user agent it serves (needed to hang calls up); call once, right after the agent started.</summary>
    public void Attach(SipUserAgent agent) => _agent = agent;

    /// <summary>Refuses new INVITEs from now on (503 with Retry-After); the calls in progress go on.</summary>
    public void StopAccepting() => _accepting = false;

    /// <inheritdoc/>
    public async Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        var invite = request.Request;
        if (!_accepting || _agent is not { } agent)
        {
            request.Respond(SipCall.WithRetryAfter(request.CreateResponse(503, "Service Unavailable (shutting down)")));
            return;
        }

        if (router.Find(invite) is not { } route)
        {
            var called = CallerHeaders.Called(invite);
            LogNoRoute(_logger, called, invite.CallId ?? "");
            request.Respond(404, $"Not Found (no route for '{called}')");
            return;
        }

        var id = $"sip-{Guid.CreateVersion7():N}";
        var call = SipCall.Accept(id, request, agent, media, route, time, _logger, out var refusal);
        if (call is null)
        {
            LogRefused(_logger, invite.CallId ?? "", refusal!.StatusCode, refusal.Reason);
            request.Respond(refusal);
            return;
        }

        var running = new Running(call, new LiveCall(id, call.SipCallId, route.App, call.Caller.Get(CallerIdSource.SipFrom)?.Raw ?? "",
            call.Called, call.Journal.StartedAt));
        _calls[id] = running;
        LogIncoming(_logger, call.SipCallId, call.Called, route.App, id);
        try
        {
            await host.RunAsync(call, route.App, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRunFailed(_logger, id, e);
        }
        finally
        {
            await call.DisposeAsync();
            _calls.TryRemove(id, out _);
            running.Done.TrySetResult();
        }
    }

    /// <summary>
    /// Stops taking calls, waits up to <paramref name="timeout"/> for the calls in progress to end, then hangs up the rest (BYE, or
    /// 480 before answer) and waits briefly for their apps to finish. <paramref name="cancellationToken"/> cuts every wait short.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        StopAccepting();
        var calls = _calls.Values.ToList();
        if (calls.Count == 0)
        {
            return;
        }

        LogDraining(_logger, calls.Count, timeout.TotalSeconds);
        var ended = Task.WhenAll(calls.Select(c => c.Done.Task));
        if (await EndsWithinAsync(ended, timeout, cancellationToken))
        {
            return;
        }

        var left = calls.Where(c => !c.Done.Task.IsCompleted).ToList();
        LogHangingUp(_logger, left.Count);
        var hangUps = Task.WhenAll(left.Select(c => c.Call.HangUpAsync("the server is stopping", cancellationToken)));
        await EndsWithinAsync(Task.WhenAll(hangUps, ended), HangUpGrace, cancellationToken);
    }

    private async Task<bool> EndsWithinAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await task.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record Running(SipCall Call, LiveCall View)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "INVITE {SipCallId} to {Called}: app {App}, call {Id}")]
    private static partial void LogIncoming(ILogger logger, string sipCallId, string called, string app, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "INVITE {SipCallId} to '{Called}' refused with 404: no route in Sip:Routes matches and Sip:DefaultApp is not set")]
    private static partial void LogNoRoute(ILogger logger, string called, string sipCallId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "INVITE {SipCallId} refused with {Status} {Reason}")]
    private static partial void LogRefused(ILogger logger, string sipCallId, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {Id} failed outside its app")]
    private static partial void LogRunFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: new calls get 503; waiting up to {Seconds} s for {Count} call(s) to end")]
    private static partial void LogDraining(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: hanging up {Count} call(s) still in progress")]
    private static partial void LogHangingUp(ILogger logger, int count);
}
