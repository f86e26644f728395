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

    /// <summary>Starts the clock's threads (one per core unless <paramref name="threads"/> says otherwise). <paramref name="onError"/>
    /// hears of a stream whose tick threw; that stream is dropped, the others go on.</summary>
    public MediaClock(Action<IPacedSender, Exception> onError, int? threads = null)
    {
        var count = threads ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(threads));
        _shards = [.. Enumerable.Range(0, count).Select(i => new Shard(this, onError, i))];
    }

    /// <summary>How late ticks ran.</summary>
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
        private readonly PriorityQueue<Entry, long> _queue = new();
        private readonly Lock _lock = new();
        private readonly Thread _thread;
        private readonly MediaClock _clock;
        private readonly Action<IPacedSender, Exception> _onError;
        private int _nextSlot;
        private volatile bool _stopping;

        public Shard(MediaClock clock, Action<IPacedSender, Exception> onError, int index)
        {
            _clock = clock;
            _onError = onError;
            _thread = new Thread(Run) { IsBackground = true, Name = $"media clock {index}", Priority = ThreadPriority.AboveNormal };
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

        public IDisposable Schedule(IPacedSender stream, int milliseconds)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                var slot = _nextSlot++ % milliseconds;
                var first = ((now / TicksPerMillisecond) + 1 + slot) * TicksPerMillisecond;
                var entry = new Entry(stream, milliseconds * TicksPerMillisecond);
                _queue.Enqueue(entry, first);
                return entry;
            }
        }

        public void Dispose()
        {
            _stopping = true;
            _thread.Join();
        }

        private void Run()
        {
            var due = new List<(Entry Entry, long Due)>();
            var next = new List<(Entry Entry, long Due)>();
            while (!_stopping)
            {
                var now = Stopwatch.GetTimestamp();
                long wait;
                lock (_lock)
                {
                    while (_queue.TryPeek(out var entry, out var at) && at <= now)
                    {
                        _queue.Dequeue();
                        due.Add((entry, at));
                    }

                    wait = _queue.TryPeek(out _, out var first) ? first - now : TicksPerMillisecond;
                }

                if (due.Count == 0)
                {
                    Wait(wait);
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

        // Sleep while the next tick is more than two milliseconds away; closer than that, only yield the processor, because
        // a sleeping thread on a busy machine may wake too late for the 2 ms lateness budget.
        private static void Wait(long ticks)
        {
            if (ticks > 2 * TicksPerMillisecond)
            {
                Thread.Sleep((int)(ticks / TicksPerMillisecond) - 1);
            }
            else if (ticks > TicksPerMillisecond / 2)
            {
                Thread.Sleep(0);
            }
            else
            {
                Thread.Yield();
            }
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
