using Switchboard.Messaging;
using Switchboard.Storage;

namespace Switchboard.Outbox;

/// <summary>
/// The outbox on the <c>messages</c> table, on SQLite or PostgreSQL. A <paramref name="simulated"/> outbox (the
/// <c>simulate</c> command's) stores every message as <see cref="MessageStatus.Simulated"/>, which no dispatcher claims.
/// </summary>
public sealed class SqlOutbox(Database database, MessageSenders senders, OutboxSignal signal, TimeProvider time, bool simulated = false) : IOutbox
{
    private const string InsertSql =
        "INSERT INTO messages (id, idempotency_key, channel, recipient, sender, subject, body, template_id, " +
        "template_variables, caller, status, status_reason, attempts, due_at, created_at) " +
        "VALUES (@id, @key, @channel, @to, @from, @subject, @body, @template, @variables, @caller, @status, @reason, 0, @now, @now) " +
        "ON CONFLICT (idempotency_key) DO NOTHING";

    /// <inheritdoc />
    public async Task<EnqueueResult> EnqueueAsync(OutgoingMessage message, string idempotencyKey, CancellationToken ct)
    {
        await using var transaction = await database.BeginAsync(ct);
        var result = await EnqueueAsync(message, idempotencyKey, transaction, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <inheritdoc />
    public async Task<EnqueueResult> EnqueueAsync(OutgoingMessage message, string idempotencyKey, DatabaseTransaction transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentNullException.ThrowIfNull(transaction);
        if (message.Problem() is { } problem)
        {
            throw new ArgumentException($"The message cannot be sent: {problem}.", nameof(message));
        }

        var heldReason = simulated ? "queued by a simulated call; never sent" : senders.WhyUnavailable(message.Channel);
        var status = simulated ? MessageStatus.Simulated : heldReason is null ? MessageStatus.Queued : MessageStatus.Held;
        var id = Guid.CreateVersion7().ToString();
        await using (var insert = transaction.CreateCommand(InsertSql))
        {
            insert.AddParameter("id", id)
                  .AddParameter("key", idempotencyKey)
                  .AddParameter("channel", message.Channel.Text())
                  .AddParameter("to", message.To)
                  .AddParameter("from", message.From)
                  .AddParameter("subject", message.Subject)
                  .AddParameter("body", message.Body)
                  .AddParameter("template", message.TemplateId)
                  .AddParameter("variables", message.TemplateVariables)
                  .AddParameter("caller", message.Caller)
                  .AddParameter("status", status.Text())
                  .AddParameter("reason", heldReason)
                  .AddParameter("now", time.GetUtcNow().ToUnixTimeMilliseconds());
            if (await insert.ExecuteNonQueryAsync(ct) == 1)
            {
                if (status == MessageStatus.Queued)
                {
                    transaction.AfterCommit(signal.Notify);
                }

                return new EnqueueResult(id, Created: true, status);
            }
        }

        await using var existing = transaction.CreateCommand($"SELECT {MessageRows.Columns} FROM messages WHERE idempotency_key = @key");
        existing.AddParameter("key", idempotencyKey);
        await using var reader = await existing.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var stored = MessageRows.Read(reader);
        return new EnqueueResult(stored.Id, Created: false, stored.Status);
    }

    /// <inheritdoc />
    public async Task<StoredMessage?> FindAsync(string id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {MessageRows.Columns} FROM messages WHERE id = @id";
        command.AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? MessageRows.Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredMessage>> ListAsync(int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {MessageRows.Columns} FROM messages ORDER BY created_at DESC, id DESC LIMIT @limit";
        command.AddParameter("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var messages = new List<StoredMessage>();
        while (await reader.ReadAsync(ct))
        {
            messages.Add(MessageRows.Read(reader));
        }

        return messages;
    }
}
