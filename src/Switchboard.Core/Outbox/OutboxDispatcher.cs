using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Messaging;

namespace Switchboard.Outbox;

/// <summary>
/// The hosted service that sends what the outbox holds: it claims due messages, makes one attempt per
/// message through the channel's provider, and settles each (sent, retry with back-off, failed, held).
/// Several processes may run it against one PostgreSQL database.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxClaims queue,
    MessageSenders senders,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var released = await queue.ReleaseHeldAsync(senders.Configured, stoppingToken);
        if (released > 0)
        {
            LogReleased(logger, released);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchDueAsync(stoppingToken) == _options.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the dispatcher; the messages stay in the table.
                LogDispatchError(logger, e);
            }

            await signal.WaitAsync(_options.PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims one batch of due messages and attempts each; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var token = Guid.NewGuid().ToString("N");
        var claimed = await queue.ClaimAsync(_options.BatchSize, _options.Lease, token, ct);
        var started = new ConcurrentDictionary<string, bool>();
        try
        {
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelSends, CancellationToken = ct },
                async (message, innerCt) =>
                {
                    started[message.Id] = true;
                    await AttemptAsync(message, token, innerCt);
                });
        }
        catch (OperationCanceledException)
        {
            // Stopping: what was claimed but never attempted is due again now, not after the lease.
            foreach (var message in claimed.Where(m => !started.ContainsKey(m.Id)))
            {
                await queue.ReleaseAsync(message.Id, token, CancellationToken.None);
            }

            throw;
        }

        return claimed.Count;
    }

    private async Task AttemptAsync(StoredMessage message, string token, CancellationToken ct)
    {
        var sender = senders.For(message.Message.Channel);
        if (sender is null)
        {
            await queue.HoldAsync(message.Id, token, senders.WhyUnavailable(message.Message.Channel)!, ct);
            return;
        }

        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            outcome = SendOutcome.Transient(null, $"{e.GetType().Name}: {e.Message}");
        }

        // Settle even when shutting down: the provider may have accepted the message, and every
        // moment it stays unmarked widens the window in which a restart would send it again.
        var settleCt = CancellationToken.None;
        var settled = outcome.Kind switch
        {
            SendOutcomeKind.Sent => await queue.MarkSentAsync(message.Id, token, outcome.ProviderId!, settleCt),
            SendOutcomeKind.Permanent => await queue.MarkFailedAsync(message.Id, token, outcome.ErrorCode, outcome.ErrorMessage!, settleCt),
            _ when message.Attempts >= _options.MaxAttempts => await queue.MarkFailedAsync(
                message.Id, token, outcome.ErrorCode, $"gave up after {message.Attempts} attempts: {outcome.ErrorMessage}", settleCt),
            _ => await queue.ScheduleRetryAsync(
                message.Id, token,
                time.GetUtcNow() + RetryBackoff.Delay(_options, message.Attempts, Random.Shared.NextDouble(), outcome.RetryAfter),
                outcome.ErrorCode, outcome.ErrorMessage!, settleCt),
        };

        if (!settled)
        {
            LogClaimLost(logger, message.Id);
        }
        else if (outcome.Kind == SendOutcomeKind.Sent)
        {
            LogSent(logger, message.Id, message.Message.Channel, outcome.ProviderId!);
        }
        else
        {
            LogAttemptFailed(logger, message.Id, outcome.Kind,
                outcome.ErrorCode is null ? outcome.ErrorMessage : $"{outcome.ErrorCode} {outcome.ErrorMessage}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: {Count} held messages queued now that their provider is configured")]
    private static partial void LogReleased(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: dispatch failed; will try again")]
    private static partial void LogDispatchError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: the claim on message {Id} ran out before its result was recorded; another dispatcher owns it now")]
    private static partial void LogClaimLost(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: message {Id} ({Channel}) sent, provider id {ProviderId}")]
    private static partial void LogSent(ILogger logger, string id, MessageChannel channel, string providerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: message {Id} attempt failed ({Kind}): {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string id, SendOutcomeKind kind, string? error);
}
