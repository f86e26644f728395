using System.Collections.Concurrent;
using System.Diagnostics;
using Switchboard.Media.Clock;

namespace Switchboard.Media.Tests.Clock;

public class MediaClockTests
{
    [Fact]
    public async Task Each_stream_is_due_at_exact_multiples_of_its_period_and_never_ticks_early()
    {
        using var clock = new MediaClock((_, e) => throw e);
        var twenty = new Recorder(6);
        var thirty = new Recorder(4);

        using (clock.Schedule(twenty, TimeSpan.FromMilliseconds(20)))
        using (clock.Schedule(thirty, TimeSpan.FromMilliseconds(30)))
        {
            await Task.WhenAll(twenty.Done.Task, thirty.Done.Task).WaitAsync(TimeSpan.FromSeconds(10));
        }

        AssertSpacing(twenty, 20);
        AssertSpacing(thirty, 30);
        Assert.All(twenty.Ticks.Concat(thirty.Ticks), t => Assert.True(t.Ran >= t.Due, "a tick ran before it was due"));
        Assert.True(clock.Lateness.Count >= 10);
    }

    [Fact]
    public async Task A_disposed_schedule_stops_ticking_and_a_failing_stream_is_dropped_alone()
    {
        var failures = new ConcurrentQueue<Exception>();
        using var clock = new MediaClock((_, e) => failures.Enqueue(e));
        var healthy = new Recorder(5);
        var failing = new Failing();
        var stopped = new Recorder(int.MaxValue);

        using var healthySchedule = clock.Schedule(healthy, TimeSpan.FromMilliseconds(10));
        clock.Schedule(failing, TimeSpan.FromMilliseconds(10));
        clock.Schedule(stopped, TimeSpan.FromMilliseconds(10)).Dispose();
        await healthy.Done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(failures);
        Assert.Equal(1, failing.Calls);
        Assert.Empty(stopped.Ticks);
        Assert.Equal(1, clock.Count);
    }

    [Fact]
    public async Task A_clock_asked_for_ordinary_priority_keeps_it_and_wakes_from_idle_for_a_new_stream()
    {
        using var clock = new MediaClock((_, e) => throw e, new MediaClockOptions { Threads = 2, Priority = ClockPriority.Normal });
        var first = new Recorder(3);
        clock.Schedule(first, TimeSpan.FromMilliseconds(10)).Dispose();
        await Task.Delay(300);

        var later = new Recorder(3);
        using (clock.Schedule(later, TimeSpan.FromMilliseconds(10)))
        {
            await later.Done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(ClockPriority.Normal, clock.Priority);
        Assert.Empty(first.Ticks);
        AssertSpacing(later, 10);
    }

    private static void AssertSpacing(Recorder recorder, int milliseconds)
    {
        var dues = recorder.Ticks.Take(recorder.Wanted).Select(t => t.Due).ToArray();
        var period = Stopwatch.Frequency / 1000 * milliseconds;
        for (var i = 1; i < dues.Length; i++)
        {
            Assert.Equal(period, dues[i] - dues[i - 1]);
        }
    }

    private sealed class Recorder(int wanted) : IPacedSender
    {
        public int Wanted { get; } = wanted;

        public ConcurrentQueue<(long Due, long Ran)> Ticks { get; } = new();

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Tick(long due)
        {
            Ticks.Enqueue((due, Stopwatch.GetTimestamp()));
            if (Ticks.Count == Wanted)
            {
                Done.TrySetResult();
            }
        }
    }

    private sealed class Failing : IPacedSender
    {
        public int Calls { get; private set; }

        public void Tick(long due)
        {
            Calls++;
            throw new InvalidOperationException("broken stream");
        }
    }
}
