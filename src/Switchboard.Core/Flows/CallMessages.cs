using Switchboard.Storage;

namespace Switchboard.Flows;

/// <summary>
/// Links outbox messages to the call that caused them (<c>call_messages</c>), inside the enqueue's own transaction, so the
/// call's record lists a message exactly when the message exists.
/// </summary>
public static class CallMessages
{
    /// <summary>Records in <paramref name="transaction"/> that call <paramref name="callId"/> caused message <paramref name="messageId"/>; linking twice is harmless.</summary>
    public static async Task LinkAsync(DatabaseTransaction transaction, string callId, string messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var insert = transaction.CreateCommand(
            "INSERT INTO call_messages (call_id, message_id) VALUES (@call, @message) ON CONFLICT (call_id, message_id) DO NOTHING");
        insert.AddParameter("call", callId).AddParameter("message", messageId);
        await insert.ExecuteNonQueryAsync(ct);
    }
}
