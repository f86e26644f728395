namespace Switchboard.Numbers;

/// <summary>The result of reading one input (caller ID, URI, typed digits, CLI argument): a number, an extension, withheld, or not a number.</summary>
public sealed class NumberReading
{
    private NumberReading(string input, ReadingKind kind, PhoneNumber? number, string? extension, string? error)
    {
        Input = input;
        Kind = kind;
        Number = number;
        Extension = extension;
        Error = error;
    }

    /// <summary>The input as given (null read as empty).</summary>
    public string Input { get; }

    /// <summary>What the input turned out to be.</summary>
    public ReadingKind Kind { get; }

    /// <summary>The number, when <see cref="Kind"/> is <see cref="ReadingKind.Number"/>.</summary>
    public PhoneNumber? Number { get; }

    /// <summary>The extension's digits, when <see cref="Kind"/> is <see cref="ReadingKind.Extension"/>.</summary>
    public string? Extension { get; }

    /// <summary>Why the input is not a number, when <see cref="Kind"/> is <see cref="ReadingKind.NotANumber"/>.</summary>
    public string? Error { get; }

    internal static NumberReading OfNumber(string input, PhoneNumber number) => new(input, ReadingKind.Number, number, null, null);

    internal static NumberReading OfExtension(string input, string extension) => new(input, ReadingKind.Extension, null, extension, null);

    internal static NumberReading OfWithheld(string input) => new(input, ReadingKind.Withheld, null, null, null);

    internal static NumberReading OfError(string input, string error) => new(input, ReadingKind.NotANumber, null, null, error);
}
