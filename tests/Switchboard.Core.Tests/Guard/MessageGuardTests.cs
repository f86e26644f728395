using Microsoft.Extensions.Options;
using Switchboard.Core.Tests.Outbox;
using Switchboard.Core.Tests.Storage;
using Switchboard.Guard;
using Switchboard.Numbers;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Core.Tests.Guard;

public sealed class MessageGuardTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData("+31612345678", null)]
    [InlineData("0612345678", null)]
    [InlineData("+31201234567", GuardReason.NotMobile)]
    [InlineData("+31851234567", GuardReason.NotMobile)]
    [InlineData("+318001234", GuardReason.NotMobile)]
    [InlineData("+319001234567", GuardReason.CostlyNumber)]
    [InlineData("+3161234", GuardReason.Invalid)]
    [InlineData("call me", GuardReason.Invalid)]
    [InlineData("", GuardReason.Invalid)]
    [InlineData("+447400123456", GuardReason.CountryNotAllowed)]
    public async Task By_default_only_mobiles_of_the_default_region_are_allowed(string to, GuardReason? expected)
    {
        await using var f = await GuardFixture.CreateAsync(StorageProvider.Sqlite, new GuardOptions { AllowedCountries = { "NL" } });

        var decision = await f.Guard.CheckAsync(new GuardRequest(to, MessageChannel.Sms), None);

        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected is null, decision.Allowed);
        Assert.Equal(expected is null, decision.Message is null);
    }

    [Theory]
    [InlineData("+12015550123", null)]
    [InlineData("+447400123456", null)]
    [InlineData("+442012345678", GuardReason.NotMobile)]
    [InlineData("+443001234567", GuardReason.CostlyNumber)]
    [InlineData("+448712345678", GuardReason.CostlyNumber)]
    [InlineData("+33810123456", GuardReason.CostlyNumber)]
    [InlineData("+33612345678", GuardReason.CountryNotAllowed)]
    public async Task Premium_shared_cost_and_uan_are_refused_even_when_every_type_is_allowed_otherwise(string to, GuardReason? expected)
    {
        var options = new GuardOptions { AllowedCountries = { "US", "GB" }, AllowedTypes = { NumberType.Mobile } };
        await using var f = await GuardFixture.CreateAsync(StorageProvider.Sqlite, options);

        var decision = await f.Guard.CheckAsync(new GuardRequest(to, MessageChannel.WhatsApp), None);

        Assert.Equal(expected, decision.Reason);
    }

    [Fact]
    public async Task Fixed_line_or_mobile_can_be_refused_and_landlines_allowed_by_setting()
    {
        var options = new GuardOptions { AllowedCountries = { "US", "NL" }, FixedLineOrMobileCountsAsMobile = false, AllowedTypes = { NumberType.Mobile, NumberType.FixedLine } };
        await using var f = await GuardFixture.CreateAsync(StorageProvider.Sqlite, options);

        Assert.Equal(GuardReason.NotMobile, f.Guard.JudgeNumber("+12015550123").Reason);
        Assert.True(f.Guard.JudgeNumber("+31201234567").Allowed);
        Assert.Equal(GuardReason.CostlyNumber, f.Guard.JudgeNumber("+319001234567").Reason);
    }

    [Fact]
    public async Task Refusals_explain_themselves_with_the_setting_to_change()
    {
        await using var f = await GuardFixture.CreateAsync(StorageProvider.Sqlite, new GuardOptions { AllowedCountries = { "NL" } });

        Assert.Equal("+447400123456 is in GB; messages may go only to NL (Guard:AllowedCountries)", f.Guard.JudgeNumber("+447400123456").Message);
        Assert.Equal("+31201234567 is a FIXED_LINE number; messages go only to MOBILE (Guard:AllowedTypes)", f.Guard.JudgeNumber("020 123 4567").Message);
        Assert.Equal("+319001234567 is a PREMIUM_RATE number; those are never messaged", f.Guard.JudgeNumber("+319001234567").Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task One_message_per_destination_per_ten_minutes_by_default(StorageProvider provider)
    {
        await using var f = await GuardFixture.CreateAsync(provider, new GuardOptions { AllowedCountries = { "NL" } });
        await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "one"), "k1", None);

        var again = await f.Guard.CheckAsync(new GuardRequest("06 12345678", MessageChannel.Sms), None);
        var other = await f.Guard.CheckAsync(new GuardRequest("+31612345679", MessageChannel.Sms), None);
        f.Time.Advance(TimeSpan.FromMinutes(10));
        var later = await f.Guard.CheckAsync(new GuardRequest("+31612345678", MessageChannel.Sms), None);

        Assert.Equal(GuardReason.RecentlySent, again.Reason);
        Assert.Equal("+31612345678 already got 1 message(s) within 10 minute(s) (Guard:PerDestinationLimit)", again.Message);
        Assert.True(other.Allowed);
        Assert.True(later.Allowed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_check_and_enqueue_in_one_transaction_lets_exactly_one_through(StorageProvider provider)
    {
        await using var f = await GuardFixture.CreateAsync(provider, new GuardOptions { AllowedCountries = { "NL" } });
        const int Callers = 6;
        var checkedCount = 0;
        var allChecked = new TaskCompletionSource();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Callers).Select(async i =>
        {
            await using var transaction = await f.Database.BeginAsync(None);
            var decision = await f.Guard.CheckAsync(new GuardRequest("+31612345678", MessageChannel.Sms), transaction, None);

            // Widen the race: without serialisation every caller would pass the check before any enqueues.
            if (Interlocked.Increment(ref checkedCount) == Callers)
            {
                allChecked.TrySetResult();
            }

            await Task.WhenAny(allChecked.Task, Task.Delay(300));
            if (decision.Allowed)
            {
                await f.Outbox.EnqueueAsync(OutgoingMessage.Sms(decision.Number!.E164, "link"), $"call-{i}/sms", transaction, None);
            }

            await transaction.CommitAsync(None);
            return decision.Allowed;
        }));

        Assert.Single(outcomes, allowed => allowed);
        Assert.Single(await f.Outbox.ListAsync(10, None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_caller_may_cause_only_its_quota(StorageProvider provider)
    {
        var options = new GuardOptions { AllowedCountries = { "NL" }, PerCallerLimit = 2, PerCallerWindow = TimeSpan.FromHours(1) };
        await using var f = await GuardFixture.CreateAsync(provider, options);
        await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345601", "a", caller: "+31201234567"), "k1", None);
        await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345602", "b", caller: "+31201234567"), "k2", None);

        var third = await f.Guard.CheckAsync(new GuardRequest("+31612345603", MessageChannel.Sms, "+31201234567"), None);
        var otherCaller = await f.Guard.CheckAsync(new GuardRequest("+31612345603", MessageChannel.Sms, "+31201234568"), None);

        Assert.Equal(GuardReason.RateLimited, third.Reason);
        Assert.True(otherCaller.Allowed);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_hourly_budget_covers_all_callers_and_destinations(StorageProvider provider)
    {
        await using var f = await GuardFixture.CreateAsync(provider, new GuardOptions { AllowedCountries = { "NL" }, HourlyBudget = 3 });
        for (var i = 0; i < 3; i++)
        {
            await f.Outbox.EnqueueAsync(OutgoingMessage.Sms($"+3161234560{i}", "x"), $"k{i}", None);
        }

        await f.Outbox.EnqueueAsync(OutgoingMessage.Email("ops@example.com", "not counted", "e-mail is not guarded"), "mail", None);

        var refused = await f.Guard.CheckAsync(new GuardRequest("+31612345699", MessageChannel.Sms), None);
        f.Time.Advance(TimeSpan.FromHours(1));
        var nextHour = await f.Guard.CheckAsync(new GuardRequest("+31612345699", MessageChannel.Sms), None);

        Assert.Equal(GuardReason.BudgetExceeded, refused.Reason);
        Assert.True(nextHour.Allowed);
    }

    private sealed class GuardFixture : IAsyncDisposable
    {
        private readonly OutboxFixture _outbox;

        private GuardFixture(OutboxFixture outbox, GuardOptions options)
        {
            _outbox = outbox;
            Guard = new MessageGuard(NumberPlan.Default, Options.Create(options), outbox.Database, outbox.Time);
        }

        public MessageGuard Guard { get; }

        public SqlOutbox Outbox => _outbox.Outbox;

        public ManualTime Time => _outbox.Time;

        public Database Database => _outbox.Database;

        public static async Task<GuardFixture> CreateAsync(StorageProvider provider, GuardOptions options) =>
            new(await OutboxFixture.CreateAsync(provider, new ScriptedSender(MessageChannel.Sms, MessageChannel.WhatsApp, MessageChannel.Email)), options);

        public ValueTask DisposeAsync() => _outbox.DisposeAsync();
    }
}
