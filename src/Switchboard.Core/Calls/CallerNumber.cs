using Switchboard.Numbers;

namespace Switchboard.Calls;

/// <summary>
/// The caller's number as Switchboard.Numbers reads it: from the first usable caller-id source in a given order, with a
/// note for every source looked at. Internal extensions, withheld values and values that are not numbers are not usable.
/// </summary>
/// <param name="Number">The number from the first usable source (valid), or null when no source was usable.</param>
/// <param name="Value">The raw value it was read from.</param>
/// <param name="Notes">For each source looked at, what it held and why it was or was not used.</param>
public sealed record CallerNumber(PhoneNumber? Number, CallerIdValue? Value, IReadOnlyList<string> Notes)
{
    /// <summary>The usual order: what the network asserts before what the caller's device claims.</summary>
    public static readonly IReadOnlyList<CallerIdSource> DefaultOrder =
        [CallerIdSource.PAssertedIdentity, CallerIdSource.RemotePartyId, CallerIdSource.SipFrom, CallerIdSource.TwilioFrom, CallerIdSource.TwilioCaller];

    /// <summary>
    /// Reads <paramref name="caller"/>'s sources in <paramref name="order"/>; numbers without a country code are read as dialled in
    /// <paramref name="region"/>. A caller who asked for privacy (SIP <c>Privacy: id</c>, Remote-Party-ID <c>privacy=full</c>) is withheld.
    /// </summary>
    public static CallerNumber Read(CallerInfo caller, IReadOnlyList<CallerIdSource> order, NumberPlan plan, string region, int maxExtensionDigits)
    {
        var notes = new List<string>();
        if (caller.PrivacyRequested)
        {
            notes.Add($"Privacy: {caller.Privacy}: the caller withheld their number");
            return new CallerNumber(null, null, notes);
        }

        foreach (var source in order)
        {
            if (caller.Get(source) is not { } value)
            {
                continue;
            }

            if (value.RequestsPrivacy)
            {
                notes.Add($"{source} '{value.Raw}': withheld (privacy requested)");
                continue;
            }

            var reading = plan.Read(value.Raw, region, maxExtensionDigits);
            if (reading.Number is { IsValid: true } number)
            {
                notes.Add($"{source} '{value.Raw}': {number.E164} ({number.Type}, {number.RegionCode})");
                return new CallerNumber(number, value, notes);
            }

            notes.Add($"{source} '{value.Raw}': " + reading.Kind switch
            {
                ReadingKind.Extension => $"internal extension {reading.Extension}",
                ReadingKind.Withheld => "withheld",
                ReadingKind.Number => "not a valid number",
                _ => $"not a number ({reading.Error})",
            });
        }

        if (notes.Count == 0)
        {
            notes.Add($"no caller id from any of {string.Join(", ", order)}");
        }

        return new CallerNumber(null, null, notes);
    }
}
