namespace Switchboard.Guard;

/// <summary>Why the fraud guard refused a message; apps choose what to tell the caller by it, the CLI prints it.</summary>
public enum GuardReason
{
    /// <summary>Not a valid phone number.</summary>
    Invalid,

    /// <summary>The number's country is not in <c>Guard:AllowedCountries</c>.</summary>
    CountryNotAllowed,

    /// <summary>A premium-rate, shared-cost or UAN number: never messaged, whatever the settings.</summary>
    CostlyNumber,

    /// <summary>A type not in <c>Guard:AllowedTypes</c> (usually: a landline rather than a mobile).</summary>
    NotMobile,

    /// <summary>This destination already got its quota within the window (<c>Guard:PerDestinationLimit</c>).</summary>
    RecentlySent,

    /// <summary>This caller already caused its quota of messages within the window (<c>Guard:PerCallerLimit</c>).</summary>
    RateLimited,

    /// <summary>All callers together used up the hourly budget (<c>Guard:HourlyBudget</c>).</summary>
    BudgetExceeded,
}
