using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls;
using Switchboard.Core.Tests.Outbox;
using Switchboard.Core.Tests.Simulation;
using Switchboard.Flows;
using Switchboard.Numbers;
using Switchboard.Outbox;
using Switchboard.Simulation;
using Switchboard.Storage;

namespace Switchboard.Core.Tests.Flows;

public sealed class CallMessagesTests : IDisposable
{
    private static readonly OutgoingMessage Sms = new() { Channel = MessageChannel.Sms, To = "+31612345678", Body = "hello" };

    private readonly TestPrompts _prompts = new();

    private SimulatedCall NewCall() =>
        new($"c-{Guid.NewGuid():N}", CallerInfo.From(CallerIdSource.SipFrom, "+31612345678"), "+31201234567",
            new VirtualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), _prompts.Library);

    private static CallRecorder Recorder(OutboxFixture outbox) => new(outbox.Database, NumberPlan.Default, "NL", 4);

    /// <summary>A new call whose <c>calls</c> row has been written, as the flow host does at the start.</summary>
    private async Task<SimulatedCall> RecordedCallAsync(CallRecorder recorder)
    {
        var call = NewCall();
        await recorder.StartAsync(call, AppSettings.Read(new ConfigurationBuilder().Build(), "notify"), default);
        return call;
    }

    [Theory]
    [MemberData(nameof(Storage.TestDatabase.Providers), MemberType = typeof(Storage.TestDatabase))]
    public async Task A_rolled_back_enqueue_leaves_neither_the_message_nor_the_link(StorageProvider provider)
    {
        await using var outbox = await OutboxFixture.CreateAsync(provider);
        var recorder = Recorder(outbox);
        using var call = await RecordedCallAsync(recorder);

        string id;
        await using (var transaction = await outbox.Database.BeginAsync(default))
        {
            id = (await outbox.Outbox.EnqueueAsync(Sms, "k1", transaction, default)).MessageId;
            await CallMessages.LinkAsync(transaction, call.Id, id, default);
        }

        Assert.Null(await outbox.Outbox.FindAsync(id, default));
        Assert.Empty((await recorder.FindAsync(call.Id, default))!.MessageIds);
    }

    [Theory]
    [MemberData(nameof(Storage.TestDatabase.Providers), MemberType = typeof(Storage.TestDatabase))]
    public async Task A_committed_message_is_on_the_call_record_at_once_and_stays_when_the_flow_then_fails(StorageProvider provider)
    {
        await using var outbox = await OutboxFixture.CreateAsync(provider);
        var recorder = Recorder(outbox);
        var flow = new EnqueueThenFailFlow(outbox, recorder);
        var host = new FlowHost(new ConfigurationBuilder().Build(), new FlowCatalog().Add("notify", _ => flow),
            NullLogger<FlowHost>.Instance, recorder);
        using var call = NewCall();

        var report = await CallSimulator.RunAsync(call, KeyScript.Parse(""), ct => host.RunAsync(call, "notify", ct));

        Assert.NotNull(flow.MidCall);
        Assert.Null(flow.MidCall.EndedAt);
        Assert.Equal([flow.MessageId!], flow.MidCall.MessageIds);
        var record = await recorder.FindAsync(call.Id, default);
        Assert.Equal(FlowHost.Failed, report.Outcome);
        Assert.Equal(FlowHost.Failed, record!.Outcome);
        Assert.Equal([flow.MessageId!], record.MessageIds);
        Assert.NotNull(await outbox.Outbox.FindAsync(flow.MessageId!, default));
    }

    [Theory]
    [MemberData(nameof(Storage.TestDatabase.Providers), MemberType = typeof(Storage.TestDatabase))]
    public async Task Linking_the_same_message_twice_lists_it_once(StorageProvider provider)
    {
        await using var outbox = await OutboxFixture.CreateAsync(provider);
        var recorder = Recorder(outbox);
        using var call = await RecordedCallAsync(recorder);

        for (var i = 0; i < 2; i++)
        {
            await using var transaction = await outbox.Database.BeginAsync(default);
            var queued = await outbox.Outbox.EnqueueAsync(Sms, "same-key", transaction, default);
            await CallMessages.LinkAsync(transaction, call.Id, queued.MessageId, default);
            await transaction.CommitAsync(default);
        }

        Assert.Single((await recorder.FindAsync(call.Id, default))!.MessageIds);
    }

    public void Dispose() => _prompts.Dispose();

    /// <summary>Queues one message linked to the call, reads the call's record while the call runs, then fails.</summary>
    private sealed class EnqueueThenFailFlow(OutboxFixture outbox, CallRecorder recorder) : ICallFlow
    {
        public string? MessageId { get; private set; }

        public CallRecord? MidCall { get; private set; }

        public async Task RunAsync(ICall call, CancellationToken ct)
        {
            await call.AnswerAsync(ct);
            await using (var transaction = await outbox.Database.BeginAsync(ct))
            {
                MessageId = (await outbox.Outbox.EnqueueAsync(Sms, $"call:{call.Id}", transaction, ct)).MessageId;
                await CallMessages.LinkAsync(transaction, call.Id, MessageId, ct);
                await transaction.CommitAsync(ct);
            }

            MidCall = await recorder.FindAsync(call.Id, ct);
            throw new InvalidOperationException("the flow broke after queueing");
        }
    }
}
