namespace Switchboard.Calls;

/// <summary>Everything the front-end told us about the caller, every raw source kept, so apps choose which to trust.</summary>
public sealed class CallerInfo
{
    /// <summary>Creates caller information from the raw values in the order received.</summary>
    /// <param name="values">Every caller-id value received; several of one source are kept in order.</param>
    /// <param name="privacy">The SIP <c>Privacy</c> header value (RFC 3323), if any.</param>
    public CallerInfo(IEnumerable<CallerIdValue> values, string? privacy = null)
    {
        Values = [.. values];
        Privacy = privacy;
    }

    /// <summary>Caller information with a single value, as the simulator and Twilio mostly have.</summary>
    public static CallerInfo From(CallerIdSource source, string raw) => new([new CallerIdValue(source, raw)]);

    /// <summary>Every raw value in the order received.</summary>
    public IReadOnlyList<CallerIdValue> Values { get; }

    /// <summary>The raw SIP <c>Privacy</c> header, if any.</summary>
    public string? Privacy { get; }

    /// <summary>
    /// True when the caller asked to withhold their identity: a <c>Privacy</c> header with <c>id</c>, <c>user</c>
    /// or <c>header</c> (RFC 3323/3325).
    /// </summary>
    public bool PrivacyRequested =>
        Privacy is not null &&
        Privacy.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(p => p.Equals("id", StringComparison.OrdinalIgnoreCase) ||
                      p.Equals("user", StringComparison.OrdinalIgnoreCase) ||
                      p.Equals("header", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first value from <paramref name="source"/>, or null when the front-end did not send one.</summary>
    public CallerIdValue? Get(CallerIdSource source) => Values.FirstOrDefault(v => v.Source == source);

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Values.Select(v => $"{v.Source}: {v.Raw}"));
}
