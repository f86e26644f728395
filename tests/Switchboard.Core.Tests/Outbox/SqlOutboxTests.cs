using System.Globalization;
using Switchboard.Core.Tests.Storage;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Core.Tests.Outbox;

public sealed class SqlOutboxTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_simulated_outbox_stores_messages_that_no_dispatcher_claims(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender());
        var simulated = new SqlOutbox(f.Database, f.Senders, new OutboxSignal(), f.Time, simulated: true);

        var result = await simulated.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "sim-1/whatsapp-link", None);

        Assert.Equal(MessageStatus.Simulated, result.Status);
        Assert.Equal(MessageStatus.Simulated, (await f.GetAsync(result.MessageId)).Status);
        Assert.Empty(await f.Claims.ClaimAsync(10, TimeSpan.FromMinutes(1), "token", None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enqueue_stores_a_queued_message_with_everything_given(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender());
        var message = OutgoingMessage.Sms("+31612345678", "Your link: https://wa.me/31201234567", caller: "+31201234567");

        var result = await f.Outbox.EnqueueAsync(message, "call-1/whatsapp-link", None);

        Assert.True(result.Created);
        Assert.Equal(MessageStatus.Queued, result.Status);
        var stored = await f.GetAsync(result.MessageId);
        Assert.Equal(message, stored.Message);
        Assert.Equal("call-1/whatsapp-link", stored.IdempotencyKey);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(f.Time.GetUtcNow(), stored.CreatedAt);
        Assert.Null(stored.SentAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_idempotency_key_never_enqueues_twice(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender());

        var first = await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "one"), "key-1", None);
        var second = await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "two"), "key-1", None);

        Assert.False(second.Created);
        Assert.Equal(first.MessageId, second.MessageId);
        var all = await f.Outbox.ListAsync(10, None);
        Assert.Equal("one", Assert.Single(all).Message.Body);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_enqueues_with_one_key_store_one_message(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender());

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", $"try {i}"), "same-key", None)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.MessageId).Distinct());
        Assert.Single(await f.Outbox.ListAsync(10, None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_message_joins_the_callers_transaction(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender());
        await using (var setup = await f.Database.BeginAsync(None))
        {
            await using var create = setup.CreateCommand("CREATE TABLE call_records (id TEXT NOT NULL PRIMARY KEY)");
            await create.ExecuteNonQueryAsync();
            await setup.CommitAsync(None);
        }

        await using (var rolledBack = await f.Database.BeginAsync(None))
        {
            await InsertCallAsync(rolledBack, "call-1");
            await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "lost"), "call-1/sms", rolledBack, None);
        }

        await using (var committed = await f.Database.BeginAsync(None))
        {
            await InsertCallAsync(committed, "call-2");
            await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "kept"), "call-2/sms", committed, None);
            await committed.CommitAsync(None);
        }

        Assert.Equal("kept", Assert.Single(await f.Outbox.ListAsync(10, None)).Message.Body);
        await using var connection = await f.Database.OpenAsync(None);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM call_records";
        Assert.Equal(1, Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_provider_the_message_is_held_with_the_reason(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider);

        var result = await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hello"), "k", None);

        Assert.Equal(MessageStatus.Held, result.Status);
        var stored = await f.GetAsync(result.MessageId);
        Assert.Contains("no SMS provider is configured", stored.StatusReason, StringComparison.Ordinal);
        Assert.Contains("Twilio__AuthToken", stored.StatusReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MessageChannel.Sms, null, null, "an SMS needs a body")]
    [InlineData(MessageChannel.WhatsApp, null, null, "a WhatsApp message needs a body or a template")]
    [InlineData(MessageChannel.Email, null, "body", "an e-mail needs a subject")]
    public async Task An_incomplete_message_is_refused_and_nothing_is_stored(MessageChannel channel, string? subject, string? body, string reason)
    {
        await using var f = await OutboxFixture.CreateAsync(StorageProvider.Sqlite, new ScriptedSender());

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            f.Outbox.EnqueueAsync(new OutgoingMessage { Channel = channel, To = "x", Subject = subject, Body = body }, "k", None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty(await f.Outbox.ListAsync(10, None));
    }

    private static async Task InsertCallAsync(DatabaseTransaction transaction, string id)
    {
        await using var insert = transaction.CreateCommand("INSERT INTO call_records (id) VALUES (@id)");
        insert.Parameters.Add(CreateParameter(insert, id));
        await insert.ExecuteNonQueryAsync();
    }

    private static System.Data.Common.DbParameter CreateParameter(System.Data.Common.DbCommand command, string id)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        return parameter;
    }
}
