using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Numbers;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Guard;

/// <summary>
/// The fraud guard, consulted before an SMS or WhatsApp message is enqueued: the destination must be a
/// valid number of an allowed country and type (never premium-rate, shared-cost or UAN), and the
/// per-destination, per-caller and hourly limits, counted in the outbox itself, must not be reached.
/// </summary>
public sealed class MessageGuard(NumberPlan plan, IOptions<GuardOptions> options, Database database, TimeProvider time)
{
    private static readonly HashSet<NumberType> NeverAllowed = [NumberType.PremiumRate, NumberType.SharedCost, NumberType.Uan];

    private readonly GuardOptions _options = options.Value;

    /// <summary>Judges <paramref name="request"/> on its own connection.</summary>
    public async Task<GuardDecision> CheckAsync(GuardRequest request, CancellationToken ct)
    {
        await using var transaction = await database.BeginAsync(ct);
        var decision = await CheckAsync(request, transaction, ct);
        await transaction.CommitAsync(ct);
        return decision;
    }

    /// <summary>
    /// Judges <paramref name="request"/> inside the caller's transaction: enqueueing in the same
    /// transaction makes check and enqueue one step: exact limits on SQLite, whose write transactions run
    /// one at a time; on PostgreSQL exact for the per-destination limit (a lock per destination).
    /// </summary>
    public async Task<GuardDecision> CheckAsync(GuardRequest request, DatabaseTransaction transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (request.Channel == MessageChannel.Email)
        {
            return GuardDecision.Allow(null);
        }

        var judged = JudgeNumber(request.To);
        if (!judged.Allowed)
        {
            return judged;
        }

        var number = judged.Number!;
        // Checks of one destination queue behind each other, so a check and an enqueue in one
        // transaction are exact for the per-destination limit on PostgreSQL too.
        await database.LockAsync(transaction, "guard:" + number.E164, ct);
        var now = time.GetUtcNow();
        if (await CountAsync(transaction, "recipient = @value", number.E164, now - _options.PerDestinationWindow, ct) >= _options.PerDestinationLimit)
        {
            return GuardDecision.Refuse(GuardReason.RecentlySent,
                $"{number.E164} already got {_options.PerDestinationLimit} message(s) within {Describe(_options.PerDestinationWindow)} (Guard:PerDestinationLimit)", number);
        }

        if (request.Caller is { Length: > 0 } caller &&
            await CountAsync(transaction, "caller = @value", caller, now - _options.PerCallerWindow, ct) >= _options.PerCallerLimit)
        {
            return GuardDecision.Refuse(GuardReason.RateLimited,
                $"caller {caller} already caused {_options.PerCallerLimit} message(s) within {Describe(_options.PerCallerWindow)} (Guard:PerCallerLimit)", number);
        }

        if (await CountAsync(transaction, null, null, now - TimeSpan.FromHours(1), ct) >= _options.HourlyBudget)
        {
            return GuardDecision.Refuse(GuardReason.BudgetExceeded,
                $"the hourly budget of {_options.HourlyBudget} messages is used up (Guard:HourlyBudget)", number);
        }

        return judged;
    }

    /// <summary>The rules about the number alone (validity, country, type), without counting anything.</summary>
    public GuardDecision JudgeNumber(string to)
    {
        var reading = plan.Read(to, _options.DefaultRegion);
        if (reading.Kind != ReadingKind.Number || reading.Number is not { IsValid: true } number)
        {
            var why = reading.Error ?? (reading.Number is null ? "not a phone number" : "no such number in its country's numbering plan");
            return GuardDecision.Refuse(GuardReason.Invalid, $"'{to}' is not a valid phone number: {why}", reading.Number);
        }

        if (NeverAllowed.Contains(number.Type))
        {
            return GuardDecision.Refuse(GuardReason.CostlyNumber,
                $"{number.E164} is a {number.Type.ToLibphonenumberName()} number; those are never messaged", number);
        }

        if (number.RegionCode is null || !_options.AllowedCountries.Contains(number.RegionCode, StringComparer.OrdinalIgnoreCase))
        {
            return GuardDecision.Refuse(GuardReason.CountryNotAllowed,
                $"{number.E164} is in {number.RegionCode ?? "no country"}; messages may go only to {string.Join(", ", _options.AllowedCountries)} (Guard:AllowedCountries)", number);
        }

        var allowedTypes = _options.AllowedTypes.Count == 0 ? GuardOptions.DefaultAllowedTypes : [.. _options.AllowedTypes];
        var allowed = allowedTypes.Contains(number.Type) ||
            (number.Type == NumberType.FixedLineOrMobile && _options.FixedLineOrMobileCountsAsMobile && allowedTypes.Contains(NumberType.Mobile));
        return allowed
            ? GuardDecision.Allow(number)
            : GuardDecision.Refuse(GuardReason.NotMobile,
                $"{number.E164} is a {number.Type.ToLibphonenumberName()} number; messages go only to {string.Join(", ", allowedTypes.Select(t => t.ToLibphonenumberName()))} (Guard:AllowedTypes)", number);
    }

    private static async Task<long> CountAsync(DatabaseTransaction transaction, string? condition, string? value, DateTimeOffset since, CancellationToken ct)
    {
        await using var command = transaction.CreateCommand(
            "SELECT COUNT(*) FROM messages WHERE created_at > @since AND channel IN ('sms', 'whatsapp')" +
            (condition is null ? "" : " AND " + condition));
        command.AddParameter("since", since.ToUnixTimeMilliseconds());
        if (condition is not null)
        {
            command.AddParameter("value", value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static string Describe(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours)
            ? $"{window.TotalHours:0} hour(s)"
            : $"{window.TotalMinutes:0.#} minute(s)";
}
