namespace Switchboard.Sip.Transactions;

/// <summary>The base timers of RFC 3261 §17 (Table 4); every transaction timer (A–K) derives from them.</summary>
public sealed record SipTimers
{
    /// <summary>Round-trip estimate: first retransmission interval.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest retransmission interval for non-INVITE requests and INVITE responses.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>How long a message may stay in the network.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>64·T1: transaction timeout (timers B, F, H, J, L, M).</summary>
    public TimeSpan Timeout => T1 * 64;

    /// <summary>Timer C: how long an INVITE may ring (after a provisional response) before it is given up with a 408.</summary>
    public TimeSpan C { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Timer D on unreliable transports: at least 32 s.</summary>
    public TimeSpan D => TimeSpan.FromSeconds(32) > Timeout ? TimeSpan.FromSeconds(32) : Timeout;
}
