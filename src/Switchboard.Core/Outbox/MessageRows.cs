using System.Data.Common;
using Switchboard.Storage;

namespace Switchboard.Outbox;

/// <summary>The <c>messages</c> table's column list and the mapping of a row to a <see cref="StoredMessage"/>.</summary>
internal static class MessageRows
{
    /// <summary>The columns <see cref="Read"/> expects, in its order.</summary>
    public const string Columns =
        "id, idempotency_key, channel, recipient, sender, subject, body, template_id, template_variables, caller, " +
        "status, status_reason, attempts, due_at, provider_id, error_code, error_message, created_at, sent_at, " +
        "delivery_status, delivery_error_code";

    public static StoredMessage Read(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        IdempotencyKey = r.GetString(1),
        Message = new OutgoingMessage
        {
            Channel = ParseChannel(r.GetString(2)),
            To = r.GetString(3),
            From = r.GetNullableString(4),
            Subject = r.GetNullableString(5),
            Body = r.GetNullableString(6),
            TemplateId = r.GetNullableString(7),
            TemplateVariables = r.GetNullableString(8),
            Caller = r.GetNullableString(9),
        },
        Status = ParseStatus(r.GetString(10)),
        StatusReason = r.GetNullableString(11),
        Attempts = Convert.ToInt32(r.GetValue(12), System.Globalization.CultureInfo.InvariantCulture),
        DueAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)),
        ProviderId = r.GetNullableString(14),
        ErrorCode = r.GetNullableString(15),
        ErrorMessage = r.GetNullableString(16),
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(17)),
        SentAt = r.GetNullableInt64(18) is { } sent ? DateTimeOffset.FromUnixTimeMilliseconds(sent) : null,
        DeliveryStatus = r.GetNullableString(19),
        DeliveryErrorCode = r.GetNullableString(20),
    };

    /// <summary>The stored text of a channel.</summary>
    public static string Text(this MessageChannel channel) => channel switch
    {
        MessageChannel.Sms => "sms",
        MessageChannel.WhatsApp => "whatsapp",
        MessageChannel.Email => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>The stored text of a status.</summary>
    public static string Text(this MessageStatus status) => status switch
    {
        MessageStatus.Queued => "queued",
        MessageStatus.Held => "held",
        MessageStatus.Sending => "sending",
        MessageStatus.Sent => "sent",
        MessageStatus.Failed => "failed",
        MessageStatus.Simulated => "simulated",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static MessageChannel ParseChannel(string text) =>
        Enum.GetValues<MessageChannel>().First(c => c.Text() == text);

    private static MessageStatus ParseStatus(string text) =>
        Enum.GetValues<MessageStatus>().First(s => s.Text() == text);
}
