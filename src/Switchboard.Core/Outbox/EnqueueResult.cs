namespace Switchboard.Outbox;

/// <summary>What an enqueue did: the message's id, and whether this call created it or found it already there.</summary>
public readonly record struct EnqueueResult(string MessageId, bool Created, MessageStatus Status);
