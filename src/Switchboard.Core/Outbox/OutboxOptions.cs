namespace Switchboard.Outbox;

/// <summary>The <c>Outbox:*</c> settings: how the dispatcher claims, retries and gives up.</summary>
public sealed class OutboxOptions
{
    /// <summary>Attempts (including the first) before a message failing transiently is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The back-off before the second attempt; it doubles per attempt (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest back-off between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claim lasts. A message claimed by a process that died is due again after this; it must
    /// be longer than one send can take (the provider timeout), or a slow send could be repeated.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the dispatcher looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most messages one claim takes.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>The most sends in flight at once per process.</summary>
    public int MaxParallelSends { get; set; } = 8;
}
