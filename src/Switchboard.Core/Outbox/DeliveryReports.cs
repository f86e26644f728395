using Switchboard.Storage;

namespace Switchboard.Outbox;

/// <summary>
/// Records the provider's delivery reports (Twilio status callbacks) on the message they are about.
/// Reports may arrive out of order; a later stage (delivered) is never overwritten by an earlier one (sent).
/// </summary>
public sealed class DeliveryReports(Database database, TimeProvider time)
{
    /// <summary>Stores <paramref name="status"/> for the message the provider knows as <paramref name="providerId"/>; false when no such message exists.</summary>
    public async Task<bool> RecordAsync(string providerId, string status, string? errorCode, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var normalized = status.Trim().ToLowerInvariant();
        await using var transaction = await database.BeginAsync(ct);
        await using var update = transaction.CreateCommand(
            "UPDATE messages SET delivery_status = @status, delivery_rank = @rank, delivery_error_code = @code, delivery_updated_at = @now " +
            "WHERE provider_id = @providerId AND (delivery_rank IS NULL OR delivery_rank <= @rank)");
        update.AddParameter("status", normalized)
              .AddParameter("rank", Rank(normalized))
              .AddParameter("code", string.IsNullOrEmpty(errorCode) ? null : errorCode)
              .AddParameter("now", time.GetUtcNow().ToUnixTimeMilliseconds())
              .AddParameter("providerId", providerId);
        var updated = await update.ExecuteNonQueryAsync(ct);
        if (updated == 0)
        {
            await using var exists = transaction.CreateCommand("SELECT COUNT(*) FROM messages WHERE provider_id = @providerId");
            exists.AddParameter("providerId", providerId);
            updated = Convert.ToInt32(await exists.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(ct);
        return updated > 0;
    }

    /// <summary>How far along the delivery a status is; later stages win.</summary>
    private static int Rank(string status) => status switch
    {
        "accepted" or "scheduled" or "queued" => 0,
        "sending" => 1,
        "sent" => 2,
        "delivered" or "undelivered" or "failed" or "canceled" => 3,
        "read" => 4,
        _ => 0,
    };
}
