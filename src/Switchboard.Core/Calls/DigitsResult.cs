namespace Switchboard.Calls;

/// <summary>What a digit collection gathered and why it ended.</summary>
/// <param name="Digits">The digits typed, finish and clear keys not included.</param>
/// <param name="End">Why the entry ended.</param>
/// <param name="FinishKey">The finish key pressed, when <paramref name="End"/> is <see cref="DigitsEnd.FinishKey"/>.</param>
/// <param name="Clears">How many times the caller pressed the clear key and started again.</param>
/// <param name="TooShort">True when fewer than the request's <see cref="DigitsRequest.MinDigits"/> were typed (but some were).</param>
public sealed record DigitsResult(string Digits, DigitsEnd End, char? FinishKey = null, int Clears = 0, bool TooShort = false)
{
    /// <summary>True when nothing was typed (a timeout, or a finish key on an empty entry).</summary>
    public bool NoInput => End == DigitsEnd.NoInput;
}

/// <summary>Why a digit collection ended.</summary>
public enum DigitsEnd
{
    /// <summary>Nothing was typed: the first-digit or total timeout passed, or a finish key was pressed on an empty entry.</summary>
    NoInput,

    /// <summary>A finish key ended the entry.</summary>
    FinishKey,

    /// <summary>The entry reached the maximum number of digits.</summary>
    MaxDigits,

    /// <summary>The request's completeness check said the entry is whole.</summary>
    Complete,

    /// <summary>No key came within the inter-digit timeout after some digits.</summary>
    InterDigitTimeout,

    /// <summary>The total time for the entry ran out after some digits.</summary>
    TotalTimeout,
}
