namespace Switchboard.Numbers;

/// <summary>
/// What <see cref="NumberPlan.Classify"/> tells about an input without allocating: enough to route a call or gate a message
/// (kind, validity, country code, region, type). Use <see cref="NumberPlan.Read"/> when the number's text is needed too.
/// </summary>
/// <param name="Kind">What the input turned out to be.</param>
/// <param name="IsValid">True for a valid number.</param>
/// <param name="CountryCode">The country calling code of a number (valid or not); 0 otherwise.</param>
/// <param name="RegionCode">The region of a valid number that has one; null otherwise.</param>
/// <param name="Type">The type of a valid number; <see cref="NumberType.Unknown"/> otherwise.</param>
public readonly record struct NumberClassification(
    ReadingKind Kind, bool IsValid, int CountryCode, string? RegionCode, NumberType Type);
