using Switchboard.Simulation;

namespace Switchboard.Core.Tests.Simulation;

public class VirtualTimeProviderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timers_fire_in_due_order_and_ties_in_the_order_they_were_set()
    {
        var time = new VirtualTimeProvider(T0);
        var fired = new List<string>();
        using var b = time.CreateTimer(_ => fired.Add("b"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var a = time.CreateTimer(_ => fired.Add("a"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        using var c = time.CreateTimer(_ => fired.Add("c"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        while (time.FireNext())
        {
        }

        Assert.Equal(["a", "b", "c"], fired);
        Assert.Equal(T0.AddSeconds(2), time.GetUtcNow());
    }

    [Fact]
    public void Advance_fires_due_timers_and_periodic_ones_repeatedly()
    {
        var time = new VirtualTimeProvider(T0);
        var ticks = 0;
        using var timer = time.CreateTimer(_ => ticks++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(3.5));
        Assert.Equal(3, ticks);
        Assert.Equal(T0.AddSeconds(3.5), time.GetUtcNow());
    }

    [Fact]
    public void Changed_and_disposed_timers_do_not_fire_at_the_old_time()
    {
        var time = new VirtualTimeProvider(T0);
        var fired = new List<string>();
        var moved = time.CreateTimer(_ => fired.Add("moved"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var gone = time.CreateTimer(_ => fired.Add("gone"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        moved.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        gone.Dispose();
        Assert.False(gone.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(fired);
        Assert.Equal(T0.AddSeconds(5), time.NextDue);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["moved"], fired);
        Assert.Null(time.NextDue);
    }

    [Fact]
    public async Task Task_Delay_on_virtual_time_completes_when_the_clock_reaches_it()
    {
        var time = new VirtualTimeProvider(T0);
        var delay = Task.Delay(TimeSpan.FromSeconds(30), time);
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        await delay;
    }

    [Fact]
    public void The_timestamp_follows_the_virtual_clock()
    {
        var time = new VirtualTimeProvider(T0);
        var before = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), time.GetElapsedTime(before));
    }
}
