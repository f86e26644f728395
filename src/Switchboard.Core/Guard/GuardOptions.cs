using Switchboard.Numbers;

namespace Switchboard.Guard;

/// <summary>The <c>Guard:*</c> settings: where messages may go and how many.</summary>
public sealed class GuardOptions
{
    /// <summary>The regions (ISO 3166, e.g. NL) messages may go to; the wiring defaults it to <c>Numbers:DefaultRegion</c>.</summary>
    public IList<string> AllowedCountries { get; } = [];

    /// <summary>The number types messages may go to (default: mobile only).</summary>
    public IList<NumberType> AllowedTypes { get; } = [];

    /// <summary>
    /// Whether numbers that their region's plan cannot tell apart as mobile or fixed (FIXED_LINE_OR_MOBILE,
    /// e.g. in the US) count as mobile. Default true.
    /// </summary>
    public bool FixedLineOrMobileCountsAsMobile { get; set; } = true;

    /// <summary>The region national numbers are read in; the wiring sets it from <c>Numbers:DefaultRegion</c> (there is no <c>Guard:DefaultRegion</c> setting).</summary>
    public string DefaultRegion { get; set; } = "NL";

    /// <summary>Messages one destination may get per <see cref="PerDestinationWindow"/> (default 1 per 10 minutes).</summary>
    public int PerDestinationLimit { get; set; } = 1;

    /// <summary>The window of the per-destination limit.</summary>
    public TimeSpan PerDestinationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages one caller may cause per <see cref="PerCallerWindow"/> (default 3 per hour).</summary>
    public int PerCallerLimit { get; set; } = 3;

    /// <summary>The window of the per-caller limit.</summary>
    public TimeSpan PerCallerWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Messages (SMS and WhatsApp, all callers) per rolling hour (default 100).</summary>
    public int HourlyBudget { get; set; } = 100;

    /// <summary>The types used when <see cref="AllowedTypes"/> is empty.</summary>
    public static IReadOnlyList<NumberType> DefaultAllowedTypes { get; } = [NumberType.Mobile];
}
