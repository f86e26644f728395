namespace Switchboard.Numbers.Parsing;

/// <summary>Why text could not be read as a number at all (libphonenumber's parse errors).</summary>
internal enum ParseFailure
{
    None,
    NotANumber,
    TooShort,
    TooLong,
    InvalidCountry,
}

/// <summary>The messages a person reads for each <see cref="ParseFailure"/>.</summary>
internal static class ParseFailureText
{
    public static string Describe(this ParseFailure failure) => failure switch
    {
        ParseFailure.NotANumber => "no telephone number in the input",
        ParseFailure.TooShort => "too few digits for a telephone number",
        ParseFailure.TooLong => "too many digits for a telephone number",
        ParseFailure.InvalidCountry => "no country calling code, and no default region to read it in",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
