namespace Switchboard.Outbox;

/// <summary>Wakes the dispatcher when this process enqueues, so a message does not wait for the next poll.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    /// <summary>Tells the dispatcher that work may be due.</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers any number of enqueues.
        }
    }

    /// <summary>Waits for a notification or until <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);

    /// <inheritdoc />
    public void Dispose() => _pending.Dispose();
}
