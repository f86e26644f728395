using Switchboard.Outbox;

namespace Switchboard.Messaging;

/// <summary>A provider that sends messages of some channels; the dispatcher calls it once per attempt.</summary>
public interface IMessageSender
{
    /// <summary>The channels this provider sends.</summary>
    IReadOnlyCollection<MessageChannel> Channels { get; }

    /// <summary>Makes one attempt. Provider failures are returned as outcomes, not thrown.</summary>
    Task<SendOutcome> SendAsync(StoredMessage message, CancellationToken ct);
}
