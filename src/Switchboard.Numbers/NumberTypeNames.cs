namespace Switchboard.Numbers;

/// <summary>The names libphonenumber gives the number types (<c>MOBILE</c>, <c>FIXED_LINE_OR_MOBILE</c>), for output others parse.</summary>
public static class NumberTypeNames
{
    /// <summary>The libphonenumber name of <paramref name="type"/>, e.g. <c>PREMIUM_RATE</c>.</summary>
    public static string ToLibphonenumberName(this NumberType type) => type switch
    {
        NumberType.Unknown => "UNKNOWN",
        NumberType.FixedLine => "FIXED_LINE",
        NumberType.Mobile => "MOBILE",
        NumberType.FixedLineOrMobile => "FIXED_LINE_OR_MOBILE",
        NumberType.TollFree => "TOLL_FREE",
        NumberType.PremiumRate => "PREMIUM_RATE",
        NumberType.SharedCost => "SHARED_COST",
        NumberType.Voip => "VOIP",
        NumberType.PersonalNumber => "PERSONAL_NUMBER",
        NumberType.Pager => "PAGER",
        NumberType.Uan => "UAN",
        NumberType.Voicemail => "VOICEMAIL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
