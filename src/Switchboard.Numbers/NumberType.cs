namespace Switchboard.Numbers;

/// <summary>libphonenumber's number categories: what kind of line a number reaches, which decides how a caller is treated.</summary>
public enum NumberType
{
    /// <summary>Not a valid number, or valid but of no known category.</summary>
    Unknown,

    /// <summary>A geographic landline.</summary>
    FixedLine,

    /// <summary>A mobile (including M2M mobile ranges such as Dutch +3197).</summary>
    Mobile,

    /// <summary>The plan cannot tell landline and mobile apart (the US and Canada, among others).</summary>
    FixedLineOrMobile,

    /// <summary>Free for the caller (0800, 800).</summary>
    TollFree,

    /// <summary>Charged above normal rates (0900).</summary>
    PremiumRate,

    /// <summary>Cost shared between caller and called.</summary>
    SharedCost,

    /// <summary>A VoIP service number (Dutch 085, 091).</summary>
    Voip,

    /// <summary>A personal number that follows its owner.</summary>
    PersonalNumber,

    /// <summary>A pager (Dutch 066).</summary>
    Pager,

    /// <summary>A universal access number (a company's single number).</summary>
    Uan,

    /// <summary>Direct access to voicemail.</summary>
    Voicemail,
}
