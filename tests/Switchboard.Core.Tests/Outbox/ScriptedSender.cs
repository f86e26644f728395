using System.Collections.Concurrent;
using Switchboard.Messaging;
using Switchboard.Outbox;

namespace Switchboard.Core.Tests.Outbox;

/// <summary>An in-process provider for the dispatcher's own logic: answers each attempt from a script, records what it was given.</summary>
public sealed class ScriptedSender(params MessageChannel[] channels) : IMessageSender
{
    private readonly ConcurrentQueue<SendOutcome> _script = new();
    private int _nextId;

    public IReadOnlyCollection<MessageChannel> Channels { get; } = channels.Length == 0 ? [MessageChannel.Sms] : channels;

    public ConcurrentQueue<StoredMessage> Attempts { get; } = new();

    /// <summary>Runs at each attempt, before the answer (e.g. to stop the dispatcher mid-batch).</summary>
    public Action? OnSend { get; set; }

    public ScriptedSender Then(SendOutcome outcome)
    {
        _script.Enqueue(outcome);
        return this;
    }

    public Task<SendOutcome> SendAsync(StoredMessage message, CancellationToken ct)
    {
        Attempts.Enqueue(message);
        OnSend?.Invoke();
        return Task.FromResult(_script.TryDequeue(out var next) ? next : SendOutcome.Sent($"SM{Interlocked.Increment(ref _nextId):D32}"));
    }
}
