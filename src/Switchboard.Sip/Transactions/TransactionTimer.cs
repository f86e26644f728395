namespace Switchboard.Sip.Transactions;

/// <summary>One restartable one-shot timer of a transaction, on the injected <see cref="TimeProvider"/>.</summary>
internal sealed class TransactionTimer(TimeProvider time, Action fired) : IDisposable
{
    private ITimer? _timer;

    /// <summary>The interval it was last started with.</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary>(Re)starts the timer to fire once after <paramref name="due"/>.</summary>
    public void Start(TimeSpan due)
    {
        Interval = due;
        _timer?.Dispose();
        _timer = time.CreateTimer(static state => ((Action)state!)(), fired, due, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>Restarts the timer with twice its last interval, but never more than <paramref name="cap"/> (the T1-doubling-to-T2 back-off of §17).</summary>
    public void StartDoubled(TimeSpan cap)
    {
        var next = Interval * 2;
        Start(next < cap ? next : cap);
    }

    /// <summary>Stops the timer.</summary>
    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();
}
