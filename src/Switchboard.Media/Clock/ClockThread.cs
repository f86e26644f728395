using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Switchboard.Media.Clock;

/// <summary>What a media clock thread needs from the operating system: a scheduling priority that lets it run on time on a
/// busy machine, and a sleep that ends at an exact instant. On 64-bit Linux both are native (<c>sched_setscheduler</c> or
/// <c>setpriority</c>, no timer slack, and <c>clock_nanosleep</c> to an absolute <c>CLOCK_MONOTONIC</c> time, the clock
/// <see cref="Stopwatch"/> reads); elsewhere the thread sleeps to within a millisecond and spins the rest.</summary>
internal static partial class ClockThread
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsolute = 1;
    private const int SchedFifo = 1;
    private const int RealtimePriority = 10;
    private const int HighNice = -10;
    private const int PrioProcess = 0;
    private const int PrSetTimerSlack = 29;
    private const long NanosecondsPerSecond = 1_000_000_000;
    private static readonly long TicksPerMillisecond = Stopwatch.Frequency / 1000;
    private static readonly bool Native = ReadsMonotonicNanoseconds();

    /// <summary>Asks for <paramref name="wanted"/> for the calling thread; returns what it got.</summary>
    public static ClockPriority Raise(ClockPriority wanted)
    {
        if (!Native)
        {
            return ClockPriority.Normal;
        }

        _ = prctl(PrSetTimerSlack, 1, 0, 0, 0);
        var parameters = new SchedParam { Priority = RealtimePriority };
        if (wanted == ClockPriority.Realtime && sched_setscheduler(0, SchedFifo, in parameters) == 0)
        {
            return ClockPriority.Realtime;
        }

        return wanted != ClockPriority.Normal && setpriority(PrioProcess, 0, HighNice) == 0 ? ClockPriority.High : ClockPriority.Normal;
    }

    /// <summary>Blocks until the <see cref="Stopwatch"/> reads at least <paramref name="timestamp"/>, or <paramref name="limit"/> ticks have passed.</summary>
    public static void WaitUntil(long timestamp, long limit)
    {
        var now = Stopwatch.GetTimestamp();
        timestamp = Math.Min(timestamp, now + limit);
        if (timestamp <= now)
        {
            return;
        }

        if (Native)
        {
            var at = new Timespec { Seconds = timestamp / NanosecondsPerSecond, Nanoseconds = timestamp % NanosecondsPerSecond };
            _ = clock_nanosleep(ClockMonotonic, TimerAbsolute, in at, IntPtr.Zero);
            return;
        }

        var sleep = (timestamp - now) / TicksPerMillisecond - 1;
        if (sleep > 0)
        {
            Thread.Sleep((int)sleep);
        }

        while (Stopwatch.GetTimestamp() < timestamp)
        {
            Thread.SpinWait(20);
        }
    }

    // The native path is right only where Stopwatch timestamps are CLOCK_MONOTONIC nanoseconds (Linux, .NET today); checked, not assumed.
    private static bool ReadsMonotonicNanoseconds()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || Stopwatch.Frequency != NanosecondsPerSecond)
        {
            return false;
        }

        try
        {
            var before = Stopwatch.GetTimestamp();
            _ = clock_gettime(ClockMonotonic, out var now);
            var after = Stopwatch.GetTimestamp();
            var native = (now.Seconds * NanosecondsPerSecond) + now.Nanoseconds;
            return native >= before - TicksPerMillisecond && native <= after + TicksPerMillisecond;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, out Timespec time);

    [LibraryImport("libc")]
    private static partial int clock_nanosleep(int clock, int flags, in Timespec request, IntPtr remaining);

    [LibraryImport("libc")]
    private static partial int sched_setscheduler(int thread, int policy, in SchedParam parameters);

    [LibraryImport("libc")]
    private static partial int setpriority(int which, int who, int nice);

    [LibraryImport("libc")]
    private static partial int prctl(int option, nuint argument2, nuint argument3, nuint argument4, nuint argument5);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
