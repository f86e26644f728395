namespace Switchboard.Messaging;

/// <summary>How one send attempt ended.</summary>
public enum SendOutcomeKind
{
    /// <summary>The provider accepted the message.</summary>
    Sent,

    /// <summary>It may work later (network, timeout, 5xx, rate limit): retry after back-off.</summary>
    Transient,

    /// <summary>It will never work as it is (invalid number, unsubscribed, bad credentials): stop.</summary>
    Permanent,
}

/// <summary>The result of one send attempt, with the provider's own id or error code and text.</summary>
public sealed record SendOutcome(SendOutcomeKind Kind, string? ProviderId, string? ErrorCode, string? ErrorMessage, TimeSpan? RetryAfter = null)
{
    /// <summary>Accepted, with the provider's message id.</summary>
    public static SendOutcome Sent(string providerId) => new(SendOutcomeKind.Sent, providerId, null, null);

    /// <summary>Failed for now; <paramref name="retryAfter"/> is the provider's own hint, if it gave one.</summary>
    public static SendOutcome Transient(string? code, string message, TimeSpan? retryAfter = null) =>
        new(SendOutcomeKind.Transient, null, code, message, retryAfter);

    /// <summary>Failed for good.</summary>
    public static SendOutcome Permanent(string? code, string message) => new(SendOutcomeKind.Permanent, null, code, message);
}
