namespace Switchboard.Outbox;

/// <summary>Where a message is in the outbox. The provider's delivery report is kept separately.</summary>
public enum MessageStatus
{
    /// <summary>Waiting to be sent (first attempt or a retry after back-off) at its due time.</summary>
    Queued,

    /// <summary>Waiting because no provider is configured for its channel; sent once one is.</summary>
    Held,

    /// <summary>Claimed by a dispatcher; due again when the claim's lease runs out.</summary>
    Sending,

    /// <summary>Accepted by the provider, which gave it an id.</summary>
    Sent,

    /// <summary>Given up: a permanent provider error, or transient errors until the attempt limit.</summary>
    Failed,

    /// <summary>Queued by a simulated call: kept to be looked at, never claimed or sent.</summary>
    Simulated,
}
