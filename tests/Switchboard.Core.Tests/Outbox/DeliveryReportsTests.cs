using Switchboard.Core.Tests.Storage;
using Switchboard.Messaging;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Core.Tests.Outbox;

public sealed class DeliveryReportsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reports_update_the_message_and_an_earlier_stage_never_overwrites_a_later_one(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender().Then(SendOutcome.Sent("SM42")));
        var id = (await f.Outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "k", None)).MessageId;
        await f.Dispatcher.DispatchDueAsync(None);
        var reports = new DeliveryReports(f.Database, f.Time);

        Assert.True(await reports.RecordAsync("SM42", "sent", null, None));
        Assert.True(await reports.RecordAsync("SM42", "undelivered", "30003", None));
        Assert.True(await reports.RecordAsync("SM42", "sending", "", None));

        var stored = await f.GetAsync(id);
        Assert.Equal("undelivered", stored.DeliveryStatus);
        Assert.Equal("30003", stored.DeliveryErrorCode);
        Assert.Equal(MessageStatus.Sent, stored.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_for_an_unknown_message_is_said_to_be_unknown(StorageProvider provider)
    {
        await using var f = await OutboxFixture.CreateAsync(provider, new ScriptedSender());

        Assert.False(await new DeliveryReports(f.Database, f.Time).RecordAsync("SMunknown", "delivered", null, None));
    }
}
