namespace Switchboard.Outbox;

/// <summary>Exponential back-off with jitter, so many failed messages do not retry in lock-step.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// The wait after failed attempt number <paramref name="attempt"/> (1-based): base × 2^(attempt−1),
    /// capped at the maximum, then scaled by a random factor in [0.5, 1); never shorter than the provider's hint.
    /// </summary>
    public static TimeSpan Delay(OutboxOptions options, int attempt, double random, TimeSpan? providerHint = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var uncapped = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(uncapped, options.RetryMaxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(capped * (0.5 + (random / 2)));
        return providerHint is { } hint && hint > jittered ? hint : jittered;
    }
}
