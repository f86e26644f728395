namespace Switchboard.Prompts;

/// <summary>One recording to play: a key of the current app's prompts, or a shared digit.</summary>
/// <param name="Key">The recording's key (<c>enter_mobile</c>), or the digit for <see cref="PromptKind.Digit"/>.</param>
/// <param name="Kind">Whether the key belongs to the app or to the shared digits.</param>
public sealed record Prompt(string Key, PromptKind Kind)
{
    /// <summary>The app's recording with this key (<c>prompts/&lt;lang&gt;/&lt;app&gt;/&lt;key&gt;.wav</c>).</summary>
    public static Prompt Of(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.AsSpan().IndexOfAny(InvalidKeyChars) >= 0)
        {
            throw new ArgumentException($"'{key}' is not a prompt key (letters, digits, '_' and '-' only).", nameof(key));
        }

        return new Prompt(key, PromptKind.App);
    }

    /// <summary>The shared recording of one digit (<c>prompts/&lt;lang&gt;/digits/&lt;d&gt;.wav</c>).</summary>
    public static Prompt Digit(char digit) =>
        char.IsAsciiDigit(digit)
            ? new Prompt(digit.ToString(), PromptKind.Digit)
            : throw new ArgumentException($"'{digit}' is not a digit 0-9.", nameof(digit));

    /// <summary>Reads digits back one by one, e.g. a number the caller typed; other characters are skipped.</summary>
    public static PromptSequence DigitsOf(string digits) =>
        new([.. digits.Where(char.IsAsciiDigit).Select(Digit)]);

    /// <summary>The key as shown in transcripts: app keys plain, digits as <c>digits/7</c>.</summary>
    public string Name => Kind == PromptKind.Digit ? $"digits/{Key}" : Key;

    /// <summary>This prompt followed by more.</summary>
    public PromptSequence Then(PromptSequence next) => ((PromptSequence)this).Then(next);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static readonly System.Buffers.SearchValues<char> InvalidKeyChars =
        System.Buffers.SearchValues.Create("/\\. :*?\"<>|");
}

/// <summary>Whose recording a prompt key names.</summary>
public enum PromptKind
{
    /// <summary>A recording of the app the call runs.</summary>
    App,

    /// <summary>A shared digit recording, 0 to 9.</summary>
    Digit,
}
