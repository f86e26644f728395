namespace Switchboard.Calls;

/// <summary>
/// The ordered record of one call — prompts, keys, decisions, messages and the outcome — written by the front-end and the
/// flow, stored by the flow host and shown by the simulator. Thread-safe.
/// </summary>
public sealed class CallJournal
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly List<CallEvent> _events = [];
    private readonly List<string> _prompts = [];
    private readonly List<QueuedMessage> _messages = [];
    private string? _outcome;

    /// <summary>Starts a journal for a call beginning now on <paramref name="time"/>.</summary>
    public CallJournal(TimeProvider time)
    {
        _time = time;
        StartedAt = time.GetUtcNow();
    }

    /// <summary>When the call started, on the call's clock.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>How the call ended for the business, e.g. <c>sms-sent</c>; null until the flow says.</summary>
    public string? Outcome
    {
        get { lock (_lock) { return _outcome; } }
    }

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<CallEvent> Events
    {
        get { lock (_lock) { return [.. _events]; } }
    }

    /// <summary>The prompts played so far, in order, by name (<c>enter_mobile</c>, <c>digits/6</c>).</summary>
    public IReadOnlyList<string> Prompts
    {
        get { lock (_lock) { return [.. _prompts]; } }
    }

    /// <summary>The messages put in the outbox during the call.</summary>
    public IReadOnlyList<QueuedMessage> Messages
    {
        get { lock (_lock) { return [.. _messages]; } }
    }

    /// <summary>Appends an event stamped with the call's clock.</summary>
    public void Add(CallEventKind kind, string detail)
    {
        lock (_lock)
        {
            _events.Add(new CallEvent(_events.Count + 1, _time.GetUtcNow() - StartedAt, kind, detail));
        }
    }

    /// <summary>Records that a prompt started playing.</summary>
    public void AddPrompt(string name, string detail)
    {
        lock (_lock)
        {
            _prompts.Add(name);
            _events.Add(new CallEvent(_events.Count + 1, _time.GetUtcNow() - StartedAt, CallEventKind.Prompt, detail));
        }
    }

    /// <summary>Records a flow decision.</summary>
    public void Decision(string detail) => Add(CallEventKind.Decision, detail);

    /// <summary>Records a message put in the outbox.</summary>
    public void AddMessage(QueuedMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
            _events.Add(new CallEvent(_events.Count + 1, _time.GetUtcNow() - StartedAt, CallEventKind.Message,
                $"{message.Channel} #{message.Id} to {message.To}: {message.Body}"));
        }
    }

    /// <summary>Sets the call's outcome; the last one set wins.</summary>
    public void SetOutcome(string outcome)
    {
        lock (_lock)
        {
            _outcome = outcome;
        }
    }
}
