using Switchboard.Numbers.Metadata;

namespace Switchboard.Numbers;

/// <summary>A telephone number as the numbering plan reads it (may be invalid: <see cref="IsValid"/> false). Immutable.</summary>
public sealed class PhoneNumber
{
    private readonly int _nationalStart;
    private string? _nationalNumber;

    internal PhoneNumber(string e164, int countryCode, bool isValid, RegionPlan? region, NumberType type)
    {
        E164 = e164;
        CountryCode = countryCode;
        IsValid = isValid;
        Region = region;
        RegionCode = isValid ? region?.Id : null;
        Type = type;
        _nationalStart = 1 + (countryCode >= 100 ? 3 : countryCode >= 10 ? 2 : 1);
    }

    /// <summary>The country calling code, e.g. 31.</summary>
    public int CountryCode { get; }

    /// <summary>The significant national number without trunk prefix, e.g. <c>612345678</c>.</summary>
    public string NationalNumber => _nationalNumber ??= E164[_nationalStart..];

    /// <summary>The number in E.164 form, e.g. <c>+31612345678</c> (also for an invalid number: what was dialled, normalised).</summary>
    public string E164 { get; }

    /// <summary>True when the number matches a number type of its region's plan (libphonenumber's isValid).</summary>
    public bool IsValid { get; }

    /// <summary>The ISO 3166 region, e.g. <c>NL</c>; null when the number is not valid or belongs to no region (+800, +882, …).</summary>
    public string? RegionCode { get; }

    /// <summary>The number's category; <see cref="NumberType.Unknown"/> when it is not valid.</summary>
    public NumberType Type { get; }

    /// <summary>The plan the number was resolved to, valid or not (libphonenumber's "country"); null when unresolved.</summary>
    internal RegionPlan? Region { get; }

    /// <inheritdoc />
    public override string ToString() => E164;
}
