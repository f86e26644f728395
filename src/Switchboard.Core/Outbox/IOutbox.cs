using Switchboard.Storage;

namespace Switchboard.Outbox;

/// <summary>
/// Where flows and the CLI put messages. Enqueueing only writes a row (one transaction, idempotent by
/// key); the dispatcher sends it later, so a flow never waits for or fails on a provider.
/// </summary>
public interface IOutbox
{
    /// <summary>Stores <paramref name="message"/> in its own transaction unless a message with the same key exists.</summary>
    Task<EnqueueResult> EnqueueAsync(OutgoingMessage message, string idempotencyKey, CancellationToken ct);

    /// <summary>
    /// Stores <paramref name="message"/> inside the caller's <paramref name="transaction"/>, so that the
    /// message and the caller's own rows (a call's record) commit together or not at all.
    /// </summary>
    Task<EnqueueResult> EnqueueAsync(OutgoingMessage message, string idempotencyKey, DatabaseTransaction transaction, CancellationToken ct);

    /// <summary>One message by outbox id, or null.</summary>
    Task<StoredMessage?> FindAsync(string id, CancellationToken ct);

    /// <summary>The most recent messages, newest first.</summary>
    Task<IReadOnlyList<StoredMessage>> ListAsync(int limit, CancellationToken ct);
}
