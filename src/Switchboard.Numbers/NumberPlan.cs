using Switchboard.Numbers.Formatting;
using Switchboard.Numbers.Keypad;
using Switchboard.Numbers.Metadata;
using Switchboard.Numbers.Parsing;

namespace Switchboard.Numbers;

/// <summary>The numbering plan of every region, loaded once from the embedded metadata; thread-safe, share one.</summary>
public sealed class NumberPlan
{
    /// <summary>Inputs up to this length are normalised in a stack buffer; longer ones (rare) on the heap.</summary>
    private const int StackTextLength = 256;

    private static readonly Lazy<NumberPlan> Shared = new(() => new NumberPlan(PlanCatalog.Load()));

    private readonly PlanCatalog _catalog;
    private readonly NumberParser _parser;
    private readonly NumberFormatter _formatter;
    private readonly KeypadEntryChecker _keypad;

    private NumberPlan(PlanCatalog catalog)
    {
        _catalog = catalog;
        _parser = new NumberParser(catalog);
        _formatter = new NumberFormatter(catalog);
        _keypad = new KeypadEntryChecker(catalog, _parser);
    }

    /// <summary>The plan built from the metadata embedded in this assembly.</summary>
    public static NumberPlan Default => Shared.Value;

    /// <summary>Where the numbering data comes from, e.g. "libphonenumber-js 1.13.16 metadata.max.json".</summary>
    public string DataSource => _catalog.Source;

    /// <summary>Every region code the plan knows (ISO 3166 alpha-2), sorted.</summary>
    public IReadOnlyList<string> RegionCodes => _catalog.RegionCodes;

    /// <summary>True when <paramref name="regionCode"/> names a region the plan knows (case-insensitive).</summary>
    public bool IsKnownRegion(string regionCode) => _catalog.Region(regionCode) is not null;

    /// <summary>
    /// Reads a caller ID, URI, typed digits or CLI argument. Numbers without a country code are read as dialled in
    /// <paramref name="defaultRegion"/>; up to <paramref name="maxExtensionDigits"/> digits without <c>+</c> are an extension.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is not a known region.</exception>
    public NumberReading Read(string? input, string defaultRegion, int maxExtensionDigits = 4)
    {
        var text = input ?? string.Empty;
        var region = RegionOrDefault(defaultRegion);
        var candidate = CallerText.Candidate(text);
        if (CallerText.IsWithheld(candidate))
        {
            return NumberReading.OfWithheld(text);
        }

        if (CallerText.IsExtension(candidate, maxExtensionDigits))
        {
            return NumberReading.OfExtension(text, candidate.ToString());
        }

        var number = ReadNumber(candidate, region, text, out var failure);
        return number is null ? NumberReading.OfError(text, failure.Describe()) : NumberReading.OfNumber(text, number);
    }

    /// <summary>Like <see cref="Read"/>, without allocating: kind, validity, country code, region and type only.</summary>
    /// <exception cref="ArgumentException"><paramref name="defaultRegion"/> is not a known region.</exception>
    public NumberClassification Classify(ReadOnlySpan<char> input, string defaultRegion, int maxExtensionDigits = 4)
    {
        var region = RegionOrDefault(defaultRegion);
        var candidate = CallerText.Candidate(input);
        if (CallerText.IsWithheld(candidate))
        {
            return new NumberClassification(ReadingKind.Withheld, false, 0, null, NumberType.Unknown);
        }

        if (CallerText.IsExtension(candidate, maxExtensionDigits))
        {
            return new NumberClassification(ReadingKind.Extension, false, 0, null, NumberType.Unknown);
        }

        Span<char> buffer = candidate.Length <= StackTextLength
            ? stackalloc char[InputText.BufferLength(candidate.Length)]
            : new char[InputText.BufferLength(candidate.Length)];
        if (InputText.Normalize(candidate, buffer, out var written) != ParseFailure.None)
        {
            return new NumberClassification(ReadingKind.NotANumber, false, 0, null, NumberType.Unknown);
        }

        var parsed = _parser.Parse(buffer[..written], region);
        if (!parsed.Succeeded)
        {
            return new NumberClassification(ReadingKind.NotANumber, false, 0, null, NumberType.Unknown);
        }

        var type = parsed.Classify();
        return type is { } valid
            ? new NumberClassification(ReadingKind.Number, true, parsed.CountryCode, parsed.Region?.Id, valid)
            : new NumberClassification(ReadingKind.Number, false, parsed.CountryCode, null, NumberType.Unknown);
    }

    /// <summary>
    /// Where digits typed on a keypad in <paramref name="region"/> stand: cannot become valid, incomplete, valid but may
    /// grow, or complete (valid and no longer number can be valid, so entry may end without <c>#</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="region"/> is not a known region.</exception>
    public KeypadCheck CheckKeypadEntry(ReadOnlySpan<char> digits, string region)
    {
        var plan = _catalog.Region(region) ?? throw UnknownRegion(region, nameof(region));
        var state = _keypad.Check(digits, plan);
        if (state is KeypadEntryState.ValidCanGrow or KeypadEntryState.Complete)
        {
            return new KeypadCheck(state, ReadNumber(digits, plan, null, out _));
        }

        return new KeypadCheck(state, null);
    }

    /// <summary>A reading of input that is no number, for callers that must report a failure in the same shape.</summary>
    public static NumberReading NotANumber(string input, string error) => NumberReading.OfError(input, error);

    /// <summary>Writes the number in E.164, international or national form.</summary>
    public string Format(PhoneNumber number, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(number);
        return _formatter.Format(number, format);
    }

    /// <summary>
    /// Reads text as a number exactly as libphonenumber-js's <c>parsePhoneNumber</c> does (no extension or withheld
    /// handling); null when it is no number. <paramref name="original"/>, when equal to the E.164 form, is reused.
    /// </summary>
    internal PhoneNumber? ReadNumber(ReadOnlySpan<char> text, RegionPlan? region, string? original, out ParseFailure failure)
    {
        Span<char> buffer = text.Length <= StackTextLength
            ? stackalloc char[InputText.BufferLength(text.Length)]
            : new char[InputText.BufferLength(text.Length)];
        failure = InputText.Normalize(text, buffer, out var written);
        if (failure != ParseFailure.None)
        {
            return null;
        }

        var parsed = _parser.Parse(buffer[..written], region);
        failure = parsed.Failure;
        if (!parsed.Succeeded)
        {
            return null;
        }

        Span<char> e164 = stackalloc char[24];
        var length = parsed.WriteE164(e164);
        var e164Text = original is not null && original.AsSpan().SequenceEqual(e164[..length]) ? original : new string(e164[..length]);
        var type = parsed.Classify();
        return new PhoneNumber(e164Text, parsed.CountryCode, type is not null, parsed.Region, type ?? NumberType.Unknown);
    }

    /// <summary>The plan for a region code; null for no region (null or empty).</summary>
    internal RegionPlan? RegionOrDefault(string? regionCode) =>
        string.IsNullOrEmpty(regionCode) ? null : _catalog.Region(regionCode) ?? throw UnknownRegion(regionCode, nameof(regionCode));

    private static ArgumentException UnknownRegion(string regionCode, string parameter) =>
        new($"'{regionCode}' is not a region code of the numbering plan (ISO 3166 alpha-2, e.g. NL).", parameter);
}
