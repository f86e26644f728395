namespace Switchboard.Simulation;

/// <summary>
/// A clock that only moves when told: timers fire in due order as <see cref="FireNext"/> or <see cref="Advance"/> jump
/// to them, so a call full of 30-second timeouts runs in microseconds. Thread-safe; callbacks run on the caller's thread.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _start;
    private readonly List<VirtualTimer> _scheduled = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Starts the clock at <paramref name="start"/>.</summary>
    public VirtualTimeProvider(DateTimeOffset start)
    {
        _start = start;
        _now = start;
    }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => (GetUtcNow() - _start).Ticks;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>When the next timer is due, or null when none is set.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_lock)
            {
                return Earliest()?.Due;
            }
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Jumps to the earliest due timer and runs it (ties in the order they were set); false when no timer is set.</summary>
    public bool FireNext()
    {
        VirtualTimer? timer;
        lock (_lock)
        {
            timer = Earliest();
            if (timer is null)
            {
                return false;
            }

            if (timer.Due > _now)
            {
                _now = timer.Due;
            }

            if (timer.Period is { } period)
            {
                Schedule(timer, _now + period, period);
            }
            else
            {
                _scheduled.Remove(timer);
            }
        }

        timer.Callback(timer.State);
        return true;
    }

    /// <summary>Moves the clock forward by <paramref name="by"/>, firing every timer due on the way in order.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        var until = GetUtcNow() + by;
        while (NextDue is { } due && due <= until)
        {
            FireNext();
        }

        lock (_lock)
        {
            if (until > _now)
            {
                _now = until;
            }
        }
    }

    private VirtualTimer? Earliest()
    {
        VirtualTimer? earliest = null;
        foreach (var timer in _scheduled)
        {
            if (earliest is null || timer.Due < earliest.Due || (timer.Due == earliest.Due && timer.Sequence < earliest.Sequence))
            {
                earliest = timer;
            }
        }

        return earliest;
    }

    private void Schedule(VirtualTimer timer, DateTimeOffset due, TimeSpan? period)
    {
        timer.Due = due;
        timer.Period = period;
        timer.Sequence = ++_sequence;
        if (!_scheduled.Contains(timer))
        {
            _scheduled.Add(timer);
        }
    }

    private bool Change(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (timer.Disposed)
            {
                return false;
            }

            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                _scheduled.Remove(timer);
                return true;
            }

            ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
            Schedule(timer, _now + dueTime, period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period);
            return true;
        }
    }

    private void Remove(VirtualTimer timer)
    {
        lock (_lock)
        {
            timer.Disposed = true;
            _scheduled.Remove(timer);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimerCallback Callback { get; } = callback;
        public object? State { get; } = state;
        public DateTimeOffset Due { get; set; }
        public TimeSpan? Period { get; set; }
        public long Sequence { get; set; }
        public bool Disposed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period) => owner.Change(this, dueTime, period);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
