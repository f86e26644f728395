using System.Diagnostics;

namespace Switchboard.Media.Clock;

/// <summary>The one clock that paces every call's outgoing media: each stream ticks at start + k·period on the monotonic
/// <see cref="Stopwatch"/> clock, so pacing never drifts (no accumulated sleeps), and no call needs a thread or a timer of
/// its own. The clock runs one thread per processor core and deals streams out among them; within a thread, streams are
/// spread over the millisecond slots of their period so their packets do not all fall due at once.</summary>
public sealed class MediaClock : IDisposable
{
    private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;
    private readonly Shard[] _shards;
    private int _nextShard;

    /// <summary>Starts the clock's threads (one per core unless <paramref name="threads"/> says otherwise) at real-time
    /// priority where the system allows it. <paramref name="onError"/> hears of a stream whose tick threw; that stream is
    /// dropped, the others go on.</summary>
    public MediaClock(Action<IPacedSender, Exception> onError, int? threads = null)
        : this(onError, new MediaClockOptions { Threads = threads })
    {
    }

    /// <summary>Starts the clock's threads as <paramref name="options"/> say; see the other constructor.</summary>
    public MediaClock(Action<IPacedSender, Exception> onError, MediaClockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var count = options.Threads ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(options));
        _shards = [.. Enumerable.Range(0, count).Select(i => new Shard(this, onError, i, options.Priority))];
        Priority = _shards.Min(s => s.Started());
    }

    /// <summary>The scheduling priority the clock's threads got (the lowest, if they differ).</summary>
    public ClockPriority Priority { get; }

    /// <summary>How late packets went out: from each packet's due instant to the return of the send call that carried it
    /// (recorded by the senders that send, such as <see cref="Sessions.RtpSession"/>).</summary>
    public LatenessHistogram SendLateness { get; } = new();

    /// <summary>How late ticks ran: from the due instant to the end of the tick.</summary>
    public LatenessHistogram Lateness { get; } = new();

    /// <summary>Streams scheduled.</summary>
    public int Count => _shards.Sum(s => s.Count);

    /// <summary>Ticks <paramref name="stream"/> every <paramref name="period"/> (whole milliseconds, e.g. the ptime) until the returned handle is disposed (a tick already running finishes).</summary>
    public IDisposable Schedule(IPacedSender stream, TimeSpan period)
    {
        var milliseconds = (int)period.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(milliseconds, 1, nameof(period));
        var shard = _shards[(int)((uint)Interlocked.Increment(ref _nextShard) % _shards.Length)];
        return shard.Schedule(stream, milliseconds);
    }

    /// <summary>Stops the threads; no tick runs after this returns.</summary>
    public void Dispose()
    {
        foreach (var shard in _shards)
        {
            shard.Dispose();
        }
    }

    /// <summary>One clock thread and the streams it paces.</summary>
    private sealed class Shard : IDisposable
    {
        private static readonly long IdleWait = TicksPerMillisecond * 100;
        private readonly PriorityQueue<Entry, long> _queue = new();
        private readonly Lock _lock = new();
        private readonly SemaphoreSlim _work = new(0);
        private readonly TaskCompletionSource<ClockPriority> _started = new();
        private readonly Thread _thread;
        private readonly MediaClock _clock;
        private readonly Action<IPacedSender, Exception> _onError;
        private readonly ClockPriority _priority;
        private int _nextSlot;
        private long _sleepingUntil;
        private volatile bool _stopping;

        public Shard(MediaClock clock, Action<IPacedSender, Exception> onError, int index, ClockPriority priority)
        {
            _clock = clock;
            _onError = onError;
            _priority = priority;
            _thread = new Thread(Run) { IsBackground = true, Name = $"media clock {index}", Priority = ThreadPriority.Highest };
            _thread.Start();
        }

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _queue.Count;
                }
            }
        }

        /// <summary>Waits for the thread to settle its priority and returns it.</summary>
        public ClockPriority Started() => _started.Task.GetAwaiter().GetResult();

        // A new stream's first tick falls in its slot after the instant the thread already sleeps until, so the thread never
        // needs waking early for it; an idle thread waits on the semaphore instead and is woken.
        public IDisposable Schedule(IPacedSender stream, int milliseconds)
        {
            lock (_lock)
            {
                var from = Math.Max(Stopwatch.GetTimestamp(), _sleepingUntil);
                var slot = _nextSlot++ % milliseconds;
                var first = ((from / TicksPerMillisecond) + 1 + slot) * TicksPerMillisecond;
                var entry = new Entry(stream, milliseconds * TicksPerMillisecond);
                _queue.Enqueue(entry, first);
                if (_queue.Count == 1)
                {
                    _work.Release();
                }

                return entry;
            }
        }

        public void Dispose()
        {
            _stopping = true;
            _work.Release();
            _thread.Join();
            _work.Dispose();
        }

        private void Run()
        {
            _started.SetResult(ClockThread.Raise(_priority));
            var due = new List<(Entry Entry, long Due)>();
            var next = new List<(Entry Entry, long Due)>();
            while (!_stopping)
            {
                var now = Stopwatch.GetTimestamp();
                long? wake;
                lock (_lock)
                {
                    while (_queue.TryPeek(out var entry, out var at) && at <= now)
                    {
                        _queue.Dequeue();
                        due.Add((entry, at));
                    }

                    wake = _queue.TryPeek(out _, out var first) ? first : null;
                    _sleepingUntil = wake ?? 0;
                }

                if (due.Count == 0)
                {
                    if (wake is { } at)
                    {
                        ClockThread.WaitUntil(at, IdleWait);
                    }
                    else
                    {
                        _work.Wait(TimeSpan.FromMilliseconds(100));
                    }

                    continue;
                }

                foreach (var (entry, at) in due)
                {
                    if (!entry.Cancelled && Tick(entry, at) is { } following)
                    {
                        next.Add((entry, following));
                    }
                }

                lock (_lock)
                {
                    foreach (var (entry, at) in next)
                    {
                        if (!entry.Cancelled)
                        {
                            _queue.Enqueue(entry, at);
                        }
                    }
                }

                due.Clear();
                next.Clear();
            }
        }

        // Runs one tick; returns when the stream is next due, or null when it failed and was dropped.
        private long? Tick(Entry entry, long due)
        {
            try
            {
                entry.Stream.Tick(due);
            }
            catch (Exception e)
            {
                entry.Dispose();
                _onError(entry.Stream, e);
                return null;
            }

            var now = Stopwatch.GetTimestamp();
            _clock.Lateness.Record(Stopwatch.GetElapsedTime(due, now));
            var next = due + entry.Period;
            if (now - next > 5 * entry.Period)
            {
                // Hopelessly behind (the machine stalled): skip the missed ticks rather than burst them out.
                next += (now - next) / entry.Period * entry.Period;
            }

            return next;
        }

        private sealed class Entry(IPacedSender stream, long period) : IDisposable
        {
            private volatile bool _cancelled;

            public IPacedSender Stream { get; } = stream;

            public long Period { get; } = period;

            public bool Cancelled => _cancelled;

            public void Dispose() => _cancelled = true;
        }
    }
}
