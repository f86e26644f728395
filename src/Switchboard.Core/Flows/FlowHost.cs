using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Switchboard.Calls;
using Switchboard.Prompts;

namespace Switchboard.Flows;

/// <summary>
/// Runs calls: maps a call to its app by configuration (<c>Apps:&lt;id&gt;</c>), runs the flow with the call id in every log
/// line, turns a hang-up into a clean stop, makes sure the call ends when the flow does, and records it (<c>calls</c> row and
/// event log) when given a <see cref="CallRecorder"/>.
/// </summary>
public sealed partial class FlowHost(IConfiguration configuration, FlowCatalog catalog, ILogger<FlowHost> logger, CallRecorder? recorder = null)
{
    /// <summary>The outcome recorded when the caller hung up before the flow set one.</summary>
    public const string CallerHungUp = "caller-hung-up";

    /// <summary>The outcome recorded when the flow failed with an exception.</summary>
    public const string Failed = "failed";

    /// <summary>Builds the flow for app <paramref name="appId"/> (so bad options fail before any call) and its settings.</summary>
    public (ICallFlow Flow, AppSettings Settings) Prepare(string appId)
    {
        var settings = AppSettings.Read(configuration, appId);
        return (catalog.Create(settings), settings);
    }

    /// <summary>Runs app <paramref name="appId"/> on <paramref name="call"/> until the flow ends; <paramref name="ct"/> is the server's stop signal.</summary>
    public async Task RunAsync(ICall call, string appId, CancellationToken ct)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CallId"] = call.Id, ["App"] = appId });
        var (flow, settings) = Prepare(appId);
        call.Prompts = new PromptScope(settings.Type, settings.Language);
        call.Journal.Decision($"app '{settings.Id}' (type {settings.Type}, language {settings.Language}) for a call from {call.Caller} to {(call.Called.Length > 0 ? call.Called : "(no called number)")}");
        LogStarted(call.Caller, call.Called);
        var recorded = await RecordAsync(() => recorder!.StartAsync(call, settings, ct));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, call.HangUpToken);
        try
        {
            await flow.RunAsync(call, linked.Token);
        }
        catch (OperationCanceledException) when (call.HangUpToken.IsCancellationRequested)
        {
            if (call.Journal.Outcome is null)
            {
                call.Journal.SetOutcome(CallerHungUp);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            call.Journal.Decision($"the flow failed: {e.Message}");
            call.Journal.SetOutcome(Failed);
        }

        if (call.EndedBy is null)
        {
            await call.HangUpAsync(CancellationToken.None);
        }

        if (recorded)
        {
            await RecordAsync(() => recorder!.FinishAsync(call, CancellationToken.None));
        }

        LogEnded(call.Journal.Outcome ?? "completed", call.EndedBy);
    }

    /// <summary>Writes to the call record; a database fault is logged, never allowed to break the call.</summary>
    private async Task<bool> RecordAsync(Func<Task> write)
    {
        if (recorder is null)
        {
            return false;
        }

        try
        {
            await write();
            return true;
        }
        catch (DbException e)
        {
            LogNotRecorded(e);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call from {Caller} to {Called} started")]
    private partial void LogStarted(CallerInfo caller, string called);

    [LoggerMessage(Level = LogLevel.Error, Message = "The flow failed")]
    private partial void LogFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "The call could not be recorded")]
    private partial void LogNotRecorded(Exception e);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call ended: {Outcome}, hung up by {Side}")]
    private partial void LogEnded(string outcome, HangUpSide? side);
}
