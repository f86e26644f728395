using Switchboard.Core.Tests.Storage;
using Switchboard.Messaging;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sent_message_records_the_provider_id(StorageProvider provider)
    {
        var sender = new ScriptedSender().Then(SendOutcome.Sent("SM0001"));
        await using var f = await OutboxFixture.CreateAsync(provider, sender);
        var id = (await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "k", None)).MessageId;

        Assert.Equal(1, await f.Dispatcher.DispatchDueAsync(None));

        var stored = await f.GetAsync(id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal("SM0001", stored.ProviderId);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(f.Time.GetUtcNow(), stored.SentAt);
        Assert.Equal(0, await f.Dispatcher.DispatchDueAsync(None));
        Assert.Single(sender.Attempts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transient_failures_retry_after_growing_back_off(StorageProvider provider)
    {
        var sender = new ScriptedSender()
            .Then(SendOutcome.Transient("503", "Service Unavailable"))
            .Then(SendOutcome.Transient("20429", "Too Many Requests"))
            .Then(SendOutcome.Sent("SM0002"));
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromMinutes(5) };
        await using var f = await OutboxFixture.CreateAsync(provider, options, sender);
        var id = (await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "k", None)).MessageId;

        await f.Dispatcher.DispatchDueAsync(None);
        var afterFirst = await f.GetAsync(id);
        Assert.Equal(MessageStatus.Queued, afterFirst.Status);
        Assert.Equal("503", afterFirst.ErrorCode);
        Assert.Equal("Service Unavailable", afterFirst.StatusReason);
        var firstDelay = afterFirst.DueAt - f.Time.GetUtcNow();
        Assert.InRange(firstDelay, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        Assert.Equal(0, await f.Dispatcher.DispatchDueAsync(None));

        f.Time.Advance(firstDelay);
        await f.Dispatcher.DispatchDueAsync(None);
        var afterSecond = await f.GetAsync(id);
        Assert.Equal("20429", afterSecond.ErrorCode);
        Assert.InRange(afterSecond.DueAt - f.Time.GetUtcNow(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20));

        f.Time.Advance(afterSecond.DueAt - f.Time.GetUtcNow());
        await f.Dispatcher.DispatchDueAsync(None);
        var sent = await f.GetAsync(id);
        Assert.Equal(MessageStatus.Sent, sent.Status);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal("SM0002", sent.ProviderId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_permanent_error_stops_at_once_with_the_providers_code_and_text(StorageProvider provider)
    {
        var sender = new ScriptedSender().Then(SendOutcome.Permanent("21211", "The 'To' number +3100 is not a valid phone number."));
        await using var f = await OutboxFixture.CreateAsync(provider, sender);
        var id = (await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+3100", "hi"), "k", None)).MessageId;

        await f.Dispatcher.DispatchDueAsync(None);
        f.Time.Advance(TimeSpan.FromDays(1));
        await f.Dispatcher.DispatchDueAsync(None);

        var stored = await f.GetAsync(id);
        Assert.Equal(MessageStatus.Failed, stored.Status);
        Assert.Equal("21211", stored.ErrorCode);
        Assert.Equal("The 'To' number +3100 is not a valid phone number.", stored.ErrorMessage);
        Assert.Single(sender.Attempts);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Transient_failures_give_up_at_the_attempt_limit(StorageProvider provider)
    {
        var sender = new ScriptedSender();
        for (var i = 0; i < 3; i++)
        {
            sender.Then(SendOutcome.Transient(null, "HttpRequestException: Connection refused"));
        }

        await using var f = await OutboxFixture.CreateAsync(provider, new OutboxOptions { MaxAttempts = 3 }, sender);
        var id = (await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "k", None)).MessageId;

        for (var i = 0; i < 5; i++)
        {
            await f.Dispatcher.DispatchDueAsync(None);
            f.Time.Advance(TimeSpan.FromHours(1));
        }

        var stored = await f.GetAsync(id);
        Assert.Equal(MessageStatus.Failed, stored.Status);
        Assert.Equal(3, stored.Attempts);
        Assert.Equal("gave up after 3 attempts: HttpRequestException: Connection refused", stored.ErrorMessage);
        Assert.Equal(3, sender.Attempts.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_claim_abandoned_by_a_dead_process_is_due_again_after_the_lease(StorageProvider provider)
    {
        var sender = new ScriptedSender();
        await using var f = await OutboxFixture.CreateAsync(provider, new OutboxOptions { Lease = TimeSpan.FromMinutes(2) }, sender);
        var id = (await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "k", None)).MessageId;
        Assert.Single(await f.Claims.ClaimAsync(10, TimeSpan.FromMinutes(2), "dead-process", None));

        Assert.Equal(0, await f.Dispatcher.DispatchDueAsync(None));
        f.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await f.Dispatcher.DispatchDueAsync(None));

        var stored = await f.GetAsync(id);
        Assert.Equal(MessageStatus.Sent, stored.Status);
        Assert.Equal(2, stored.Attempts);
        Assert.False(await f.Claims.MarkSentAsync(id, "dead-process", "SM-late", None));
        Assert.NotEqual("SM-late", (await f.GetAsync(id)).ProviderId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stopping_mid_batch_hands_back_the_unattempted_claims_at_once(StorageProvider provider)
    {
        using var stopping = new CancellationTokenSource();
        var sender = new ScriptedSender { OnSend = stopping.Cancel };
        await using var f = await OutboxFixture.CreateAsync(provider, new OutboxOptions { MaxParallelSends = 1 }, sender);
        for (var i = 0; i < 5; i++)
        {
            await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", $"m{i}"), $"k{i}", None);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => f.Dispatcher.DispatchDueAsync(stopping.Token));

        var messages = await f.Outbox.ListAsync(10, None);
        Assert.Single(messages, m => m.Status == MessageStatus.Sent);
        Assert.All(messages.Where(m => m.Status != MessageStatus.Sent), m =>
        {
            Assert.Equal(MessageStatus.Queued, m.Status);
            Assert.Equal(0, m.Attempts);
            Assert.Equal(f.Time.GetUtcNow(), m.DueAt);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_claimers_never_take_the_same_message(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender());
        for (var i = 0; i < 60; i++)
        {
            await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", $"m{i}"), $"k{i}", None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(async c =>
        {
            var mine = new List<string>();
            IReadOnlyList<StoredMessage> batch;
            while ((batch = await f.Claims.ClaimAsync(4, TimeSpan.FromMinutes(2), $"claimer-{c}", None)).Count > 0)
            {
                mine.AddRange(batch.Select(m => m.Id));
            }

            return mine;
        }));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Held_messages_are_queued_once_their_provider_is_configured(StorageProvider provider)
    {
        await using var unconfigured = await OutboxFixture.CreateAsync(provider);
        var id = (await unconfigured.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "k", None)).MessageId;
        var claims = new OutboxClaims(unconfigured.Database, unconfigured.Time);

        Assert.Equal(0, await claims.ReleaseHeldAsync([MessageChannel.Email], None));
        Assert.Equal(MessageStatus.Held, (await unconfigured.GetAsync(id)).Status);
        Assert.Equal(1, await claims.ReleaseHeldAsync([MessageChannel.Sms, MessageChannel.WhatsApp], None));

        var released = await unconfigured.GetAsync(id);
        Assert.Equal(MessageStatus.Queued, released.Status);
        Assert.Null(released.StatusReason);
    }

    [Fact]
    public void Back_off_doubles_per_attempt_within_the_jitter_band_and_respects_the_cap_and_the_providers_hint()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(60) };

        Assert.Equal(TimeSpan.FromSeconds(1), RetryBackoff.Delay(options, 1, 0));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryBackoff.Delay(options, 1, 1));
        Assert.Equal(TimeSpan.FromSeconds(8), RetryBackoff.Delay(options, 3, 1));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryBackoff.Delay(options, 10, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), RetryBackoff.Delay(options, 40, 1));
        Assert.Equal(TimeSpan.FromSeconds(45), RetryBackoff.Delay(options, 1, 0, providerHint: TimeSpan.FromSeconds(45)));
    }
}
