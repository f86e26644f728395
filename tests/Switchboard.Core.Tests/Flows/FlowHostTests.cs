using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls;
using Switchboard.Core.Tests.Simulation;
using Switchboard.Flows;
using Switchboard.Prompts;
using Switchboard.Simulation;

namespace Switchboard.Core.Tests.Flows;

public sealed class FlowHostTests : IDisposable
{
    private readonly TestPrompts _prompts = new();

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private async Task<SimulationReport> Run(FlowHost host, string app, string keys)
    {
        using var call = new SimulatedCall("c1", CallerInfo.From(CallerIdSource.SipFrom, "<sip:201@pbx>"), "100",
            new VirtualTimeProvider(default), _prompts.Library);
        return await CallSimulator.RunAsync(call, KeyScript.Parse(keys), ct => host.RunAsync(call, app, ct));
    }

    private static FlowHost Host(IConfiguration config, Func<AppSettings, ICallFlow> factory) =>
        new(config, new FlowCatalog().Add("pin", factory), NullLogger<FlowHost>.Instance);

    [Fact]
    public async Task An_instance_maps_to_its_type_and_language_by_configuration()
    {
        AppSettings? seen = null;
        var host = Host(Config(("Apps:front-desk:Type", "pin"), ("Apps:front-desk:Language", "nl")), s => { seen = s; return new PinFlow(); });
        var report = await Run(host, "front-desk", "1234");
        Assert.Equal(new PromptScope("pin", "nl"), report.Scope);
        Assert.Equal("front-desk", seen!.Id);
        Assert.Equal("pin-entered", report.Outcome);
        Assert.Contains("app 'front-desk' (type pin, language nl)", report.Events[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_without_a_type_is_the_type_of_its_id()
    {
        var report = await Run(Host(Config(), _ => new PinFlow()), "pin", "1234");
        Assert.Equal(new PromptScope("pin", "en"), report.Scope);
    }

    [Fact]
    public void An_unknown_type_names_the_known_ones()
    {
        var host = Host(Config(("Apps:x:Type", "queue")), _ => new PinFlow());
        var e = Assert.Throws<UnknownAppException>(() => host.Prepare("x"));
        Assert.Contains("No app type 'queue' (for app 'x'); known types: pin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hang_up_ends_the_flow_cleanly_with_the_caller_hung_up_outcome()
    {
        var report = await Run(Host(Config(), _ => new PinFlow()), "pin", "1h");
        Assert.Equal(FlowHost.CallerHungUp, report.Outcome);
        Assert.Equal(HangUpSide.Caller, report.HangUp);
    }

    [Fact]
    public async Task A_failing_flow_is_recorded_as_failed_and_the_call_is_ended()
    {
        var report = await Run(Host(Config(), _ => new FailingFlow()), "pin", "");
        Assert.Equal(FlowHost.Failed, report.Outcome);
        Assert.Equal(HangUpSide.App, report.HangUp);
        Assert.Contains(report.Events, e => e.Detail == "the flow failed: broken");
    }

    public void Dispose() => _prompts.Dispose();

    private sealed class FailingFlow : ICallFlow
    {
        public async Task RunAsync(ICall call, CancellationToken ct)
        {
            await call.AnswerAsync(ct);
            throw new InvalidOperationException("broken");
        }
    }
}
