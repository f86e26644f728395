namespace Switchboard.Sip.Transactions;

/// <summary>
/// The cap on live transactions (server and client together), so a flood cannot grow memory without bound. Over the cap a new
/// request is answered 503 with Retry-After, and a request this side would send fails at once with a local 503; CANCEL is
/// always let through, since it ends work. Each transaction holds at most one request (within the parser's size limit) and the
/// last response, so the cap bounds the layer's memory too.
/// </summary>
public sealed record TransactionLimits
{
    /// <summary>
    /// Live transactions at most. A transaction lives on for 32 s (Timer J, K, L) after it ends on UDP, so a steady 1,000 calls/s
    /// (INVITE and BYE each) keeps about 64,000 alive: the default leaves room for that.
    /// </summary>
    public int MaxTransactions { get; init; } = 100_000;

    /// <summary>The Retry-After put on a 503 for a request over the cap.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(5);
}
