using Switchboard.Storage;

namespace Switchboard.Outbox;

/// <summary>
/// The dispatcher's side of the <c>messages</c> table: claiming due rows under a lease and settling
/// each claim (sent, retry later, failed, held). Every settle is conditional on the claim token, so a
/// claim that expired and was taken over cannot overwrite the newer claimer's result.
/// </summary>
public sealed class OutboxClaims(Database database, TimeProvider time)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> due messages (queued and due, or sending with an expired
    /// lease) for <paramref name="lease"/>, counting an attempt for each.
    /// </summary>
    public async Task<IReadOnlyList<StoredMessage>> ClaimAsync(int limit, TimeSpan lease, string claimToken, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var transaction = await database.BeginAsync(ct);
        await using var command = transaction.CreateCommand(
            "UPDATE messages SET status = 'sending', attempts = attempts + 1, due_at = @leaseUntil, claim_token = @token " +
            "WHERE id IN (SELECT id FROM messages WHERE status IN ('queued', 'sending') AND due_at <= @now " +
            $"ORDER BY due_at LIMIT @limit{database.SkipLockedClause}) " +
            $"RETURNING {MessageRows.Columns}");
        command.AddParameter("leaseUntil", (now + lease).ToUnixTimeMilliseconds())
               .AddParameter("token", claimToken)
               .AddParameter("now", now.ToUnixTimeMilliseconds())
               .AddParameter("limit", limit);
        var claimed = new List<StoredMessage>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                claimed.Add(MessageRows.Read(reader));
            }
        }

        await transaction.CommitAsync(ct);
        return claimed;
    }

    /// <summary>Records the provider's acceptance. False when the claim was lost (the lease ran out and another dispatcher took it).</summary>
    public Task<bool> MarkSentAsync(string id, string claimToken, string providerId, CancellationToken ct) => SettleAsync(
        "status = 'sent', provider_id = @providerId, sent_at = @now, status_reason = NULL, claim_token = NULL",
        id, claimToken, ct, ("providerId", providerId));

    /// <summary>Puts the message back in the queue, due at <paramref name="dueAt"/>, keeping the error that caused it.</summary>
    public Task<bool> ScheduleRetryAsync(string id, string claimToken, DateTimeOffset dueAt, string? errorCode, string errorMessage, CancellationToken ct) => SettleAsync(
        "status = 'queued', due_at = @dueAt, error_code = @code, error_message = @message, status_reason = @message, claim_token = NULL",
        id, claimToken, ct, ("dueAt", dueAt.ToUnixTimeMilliseconds()), ("code", errorCode), ("message", errorMessage));

    /// <summary>Gives up on the message, keeping the provider's code and text.</summary>
    public Task<bool> MarkFailedAsync(string id, string claimToken, string? errorCode, string errorMessage, CancellationToken ct) => SettleAsync(
        "status = 'failed', error_code = @code, error_message = @message, status_reason = NULL, claim_token = NULL",
        id, claimToken, ct, ("code", errorCode), ("message", errorMessage));

    /// <summary>Parks the message because its channel has no provider any more.</summary>
    public Task<bool> HoldAsync(string id, string claimToken, string reason, CancellationToken ct) => SettleAsync(
        "status = 'held', status_reason = @reason, attempts = attempts - 1, claim_token = NULL",
        id, claimToken, ct, ("reason", reason));

    /// <summary>Hands an unattempted claim back at once (the dispatcher is stopping), without counting an attempt.</summary>
    public Task<bool> ReleaseAsync(string id, string claimToken, CancellationToken ct) => SettleAsync(
        "status = 'queued', due_at = @now, attempts = attempts - 1, claim_token = NULL",
        id, claimToken, ct);

    /// <summary>Queues the held messages of channels that now have a provider; returns how many.</summary>
    public async Task<int> ReleaseHeldAsync(IReadOnlyCollection<MessageChannel> channels, CancellationToken ct)
    {
        if (channels.Count == 0)
        {
            return 0;
        }

        var names = channels.Select((c, i) => (Name: $"c{i}", Channel: c)).ToList();
        await using var transaction = await database.BeginAsync(ct);
        await using var command = transaction.CreateCommand(
            "UPDATE messages SET status = 'queued', status_reason = NULL, due_at = @now " +
            $"WHERE status = 'held' AND channel IN ({string.Join(", ", names.Select(n => "@" + n.Name))})");
        command.AddParameter("now", time.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var (name, channel) in names)
        {
            command.AddParameter(name, channel.Text());
        }

        var released = await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return released;
    }

    private async Task<bool> SettleAsync(string assignments, string id, string claimToken, CancellationToken ct, params (string Name, object? Value)[] values)
    {
        await using var transaction = await database.BeginAsync(ct);
        await using var command = transaction.CreateCommand(
            $"UPDATE messages SET {assignments} WHERE id = @id AND claim_token = @token AND status = 'sending'");
        command.AddParameter("id", id)
               .AddParameter("token", claimToken)
               .AddParameter("now", time.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var (name, value) in values)
        {
            command.AddParameter(name, value);
        }

        var updated = await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return updated == 1;
    }
}
