namespace Switchboard.Outbox;

/// <summary>A message as the outbox holds it: what to send plus everything that happened to it.</summary>
public sealed record StoredMessage
{
    /// <summary>The outbox id (time-ordered UUID).</summary>
    public required string Id { get; init; }

    /// <summary>The key that made the enqueue idempotent.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>What was asked to be sent.</summary>
    public required OutgoingMessage Message { get; init; }

    /// <summary>Where it is in the outbox.</summary>
    public required MessageStatus Status { get; init; }

    /// <summary>Why it is held, or the last transient error while it waits for a retry.</summary>
    public string? StatusReason { get; init; }

    /// <summary>How many times a dispatcher has claimed it.</summary>
    public int Attempts { get; init; }

    /// <summary>When it is next due (for a claimed message: when its lease runs out).</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>The provider's id (Twilio MessageSid, SMTP queue id) once accepted.</summary>
    public string? ProviderId { get; init; }

    /// <summary>The provider's error code of the last failure (Twilio 21211, SMTP 550…).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The provider's error text of the last failure.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>When it was enqueued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the provider accepted it.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The provider's latest delivery report (delivered, undelivered, failed, read…), from status callbacks.</summary>
    public string? DeliveryStatus { get; init; }

    /// <summary>The error code in the delivery report (e.g. Twilio 30003 unreachable handset).</summary>
    public string? DeliveryErrorCode { get; init; }
}
