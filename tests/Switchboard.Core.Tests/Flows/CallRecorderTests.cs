using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls;
using Switchboard.Core.Tests.Simulation;
using Switchboard.Core.Tests.Storage;
using Switchboard.Flows;
using Switchboard.Numbers;
using Switchboard.Simulation;
using Switchboard.Storage;

namespace Switchboard.Core.Tests.Flows;

public sealed class CallRecorderTests : IDisposable
{
    private readonly TestPrompts _prompts = new();

    private async Task<(SimulationReport Report, CallRecord? Record)> Run(StorageProvider provider, CallerInfo caller, string keys)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var recorder = new CallRecorder(test.Database, NumberPlan.Default, "NL", 4);
        var host = new FlowHost(new ConfigurationBuilder().Build(), new FlowCatalog().Add("pin", _ => new PinFlow()),
            NullLogger<FlowHost>.Instance, recorder);
        using var call = new SimulatedCall($"c-{Guid.NewGuid():N}", caller, "+31201234567",
            new VirtualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), _prompts.Library);
        var report = await CallSimulator.RunAsync(call, KeyScript.Parse(keys), ct => host.RunAsync(call, "pin", ct));
        return (report, await recorder.FindAsync(call.Id, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_call_is_recorded_with_its_caller_outcome_and_event_log(StorageProvider provider)
    {
        var caller = new CallerInfo(
        [
            new CallerIdValue(CallerIdSource.SipFrom, "<sip:201@pbx>"),
            new CallerIdValue(CallerIdSource.PAssertedIdentity, "<sip:0612345678@carrier>"),
        ]);
        var (report, record) = await Run(provider, caller, "1234");

        Assert.NotNull(record);
        Assert.Equal(("pin", "pin", "+31201234567"), (record.App, record.AppType, record.Called));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), record.StartedAt);
        Assert.Equal(record.StartedAt + report.Events[^1].At, record.EndedAt);
        Assert.Equal("+31612345678", record.CallerNumber);
        Assert.Equal("Mobile", record.CallerType);
        using var raw = JsonDocument.Parse(record.CallerRaw);
        Assert.Equal("<sip:201@pbx>", raw.RootElement.GetProperty("values")[0].GetProperty("raw").GetString());
        Assert.Equal("PAssertedIdentity", raw.RootElement.GetProperty("values")[1].GetProperty("source").GetString());
        Assert.Equal("pin-entered", record.Outcome);
        Assert.Equal(HangUpSide.App, record.HangUp);
        Assert.Empty(record.MessageIds);
        Assert.Equal(report.Events, record.Events);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_withheld_caller_who_hangs_up_is_recorded_as_such(StorageProvider provider)
    {
        var (_, record) = await Run(provider, CallerInfo.From(CallerIdSource.SipFrom, "anonymous"), "1h");
        Assert.Null(record!.CallerNumber);
        Assert.Null(record.CallerType);
        Assert.Equal(FlowHost.CallerHungUp, record.Outcome);
        Assert.Equal(HangUpSide.Caller, record.HangUp);
    }

    [Fact]
    public async Task A_database_fault_does_not_break_the_call()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite, migrate: false);
        var host = new FlowHost(new ConfigurationBuilder().Build(), new FlowCatalog().Add("pin", _ => new PinFlow()),
            NullLogger<FlowHost>.Instance, new CallRecorder(test.Database, NumberPlan.Default, "NL", 4));
        using var call = new SimulatedCall("c1", CallerInfo.From(CallerIdSource.SipFrom, "+31612345678"), "1",
            new VirtualTimeProvider(default), _prompts.Library);
        var report = await CallSimulator.RunAsync(call, KeyScript.Parse("1234"), ct => host.RunAsync(call, "pin", ct));
        Assert.Equal("pin-entered", report.Outcome);
    }

    public void Dispose() => _prompts.Dispose();
}
