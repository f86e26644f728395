namespace Switchboard.Media.Clock;

/// <summary>How a <see cref="MediaClock"/> runs.</summary>
public sealed record MediaClockOptions
{
    /// <summary>Clock threads; null runs one per processor core.</summary>
    public int? Threads { get; init; }

    /// <summary>The scheduling priority the clock threads ask for (they settle for less when the system refuses).</summary>
    public ClockPriority Priority { get; init; } = ClockPriority.Realtime;
}
