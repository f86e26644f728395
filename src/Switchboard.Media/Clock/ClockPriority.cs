namespace Switchboard.Media.Clock;

/// <summary>How urgently the operating system should run the media clock's threads. A clock that wakes late makes every
/// call's audio late, so on a busy server the clock asks for more than ordinary threads get.</summary>
public enum ClockPriority
{
    /// <summary>Real-time scheduling (Linux <c>SCHED_FIFO</c>, as FreeSWITCH and Asterisk use for their timers) when the
    /// process may (root, <c>CAP_SYS_NICE</c> or an <c>RLIMIT_RTPRIO</c>); otherwise <see cref="High"/>.</summary>
    Realtime,

    /// <summary>A raised nice value (−10) when the process may; otherwise <see cref="Normal"/>.</summary>
    High,

    /// <summary>Whatever ordinary threads get.</summary>
    Normal,
}
