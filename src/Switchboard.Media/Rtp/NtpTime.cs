namespace Switchboard.Media.Rtp;

/// <summary>Wall-clock time as the 64-bit NTP timestamp RTCP sender reports carry (seconds since 1900 in the high 32 bits, fraction in the low).</summary>
public static class NtpTime
{
    private static readonly DateTime Epoch = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The NTP timestamp of <paramref name="utc"/>.</summary>
    public static ulong From(DateTime utc)
    {
        var ticks = (ulong)(utc - Epoch).Ticks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var fraction = ((ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }
}
