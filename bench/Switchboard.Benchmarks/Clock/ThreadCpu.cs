using System.Globalization;

namespace Switchboard.Benchmarks.Clock;

/// <summary>The calling thread's CPU time on Linux (user + system from <c>/proc/thread-self/stat</c>), so the load test can
/// leave its receiving socket's cost out of the media engine's; zero elsewhere.</summary>
internal static class ThreadCpu
{
    private const double ClockTicksPerSecond = 100;

    public static TimeSpan Current()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th, stime 15th.
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}
