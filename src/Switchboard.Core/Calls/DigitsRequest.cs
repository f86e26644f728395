using Switchboard.Prompts;

namespace Switchboard.Calls;

/// <summary>How to collect keypad digits: the prompt, the keys that end or clear the entry, and the timeouts.</summary>
/// <remarks>
/// Timers start when the prompt has finished or a key stopped it (barge-in), never while it plays.
/// Keys that are neither <see cref="AcceptedKeys"/>, a finish key nor the clear key are ignored.
/// </remarks>
public sealed record DigitsRequest
{
    /// <summary>The prompt played before collecting (empty for none).</summary>
    public PromptSequence Prompt { get; init; } = PromptSequence.Empty;

    /// <summary>Whether the first key stops the prompt. Keys typed during a prompt without barge-in wait in the buffer.</summary>
    public bool BargeIn { get; init; } = true;

    /// <summary>Empty the type-ahead buffer before the prompt, so only keys typed from now on count.</summary>
    public bool FlushTypeAhead { get; init; }

    /// <summary>The fewest digits that make an entry; shorter ones are reported with <see cref="DigitsResult.TooShort"/>.</summary>
    public int MinDigits { get; init; } = 1;

    /// <summary>The entry ends by itself when this many digits have been typed.</summary>
    public int MaxDigits { get; init; } = 20;

    /// <summary>Keys that end the entry (not part of the digits). <c>#</c> by default; empty for none.</summary>
    public string FinishKeys { get; init; } = "#";

    /// <summary>A key that throws away what was typed and starts the entry again, prompt included; null for none.</summary>
    public char? ClearKey { get; init; }

    /// <summary>The keys that make up the digits; DTMF A–D are left out by default and so ignored.</summary>
    public string AcceptedKeys { get; init; } = "0123456789";

    /// <summary>How long to wait for the first key; null means <see cref="InterDigitTimeout"/>.</summary>
    public TimeSpan? FirstDigitTimeout { get; init; }

    /// <summary>How long to wait for each next key.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest the whole entry may take from the end of the prompt (keys do not extend it); null for no limit.</summary>
    public TimeSpan? TotalTimeout { get; init; }

    /// <summary>Called with the digits after every digit; returning true ends the entry at once (e.g. a complete number).</summary>
    public Func<string, bool>? IsComplete { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when the settings contradict each other.</summary>
    public void Validate()
    {
        if (MinDigits < 0 || MaxDigits < 1 || MinDigits > MaxDigits)
        {
            throw new ArgumentException($"DigitsRequest: need 0 <= MinDigits <= MaxDigits and MaxDigits >= 1 (got {MinDigits}..{MaxDigits}).");
        }

        if (InterDigitTimeout <= TimeSpan.Zero || FirstDigitTimeout <= TimeSpan.Zero || TotalTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("DigitsRequest: timeouts must be positive.");
        }

        if (ClearKey is { } clear && (FinishKeys.Contains(clear, StringComparison.Ordinal) || AcceptedKeys.Contains(clear, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"DigitsRequest: the clear key '{clear}' is also a finish or accepted key.");
        }

        foreach (var key in FinishKeys + AcceptedKeys + ClearKey)
        {
            if (!Keypad.IsKey(key))
            {
                throw new ArgumentException($"DigitsRequest: '{key}' is not a telephone keypad key.");
            }
        }
    }
}
