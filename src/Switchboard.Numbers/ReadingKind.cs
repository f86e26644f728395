namespace Switchboard.Numbers;

/// <summary>What an input turned out to be, so a flow can treat extensions and withheld callers apart from numbers.</summary>
public enum ReadingKind
{
    /// <summary>A telephone number (which may still be invalid: see <see cref="PhoneNumber.IsValid"/>).</summary>
    Number,

    /// <summary>An internal extension: a few digits without <c>+</c>.</summary>
    Extension,

    /// <summary>The caller withheld their number (<c>anonymous</c>, <c>restricted</c>, empty, …).</summary>
    Withheld,

    /// <summary>Nothing that can be read as a number; <see cref="NumberReading.Error"/> says why.</summary>
    NotANumber,
}
