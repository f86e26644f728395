using System.Diagnostics;
using System.Text.Json;
using Switchboard.Calls;
using Switchboard.Prompts;
using Switchboard.Simulation;

namespace Switchboard.Core.Tests.Simulation;

public sealed class CallSimulatorTests : IDisposable
{
    private readonly TestPrompts _prompts = new();

    private async Task<SimulationReport> Simulate(string keys, Func<SimulatedCall, CancellationToken, Task>? flow = null)
    {
        using var call = new SimulatedCall("test-1", CallerInfo.From(CallerIdSource.SipFrom, "<sip:+31201234567@pbx>"), "100",
            new VirtualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), _prompts.Library)
        {
            Prompts = new PromptScope("pin", "en"),
        };
        return await CallSimulator.RunAsync(call, KeyScript.Parse(keys), ct => (flow ?? ((c, t) => new PinFlow().RunAsync(c, t)))(call, ct));
    }

    [Fact]
    public async Task A_group_is_pressed_after_the_prompt_ends_200_ms_apart()
    {
        var report = await Simulate("1234");
        Assert.Equal("pin-entered", report.Outcome);
        Assert.Equal(HangUpSide.App, report.HangUp);
        var promptEnd = report.Events.First(e => e.Kind == CallEventKind.Key).At - TimeSpan.FromMilliseconds(200);
        var keys = report.Events.Where(e => e.Kind == CallEventKind.Key).ToList();
        Assert.Equal(["1", "2", "3", "4"], keys.Select(k => k.Detail));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => promptEnd + TimeSpan.FromMilliseconds(200 * i)), keys.Select(k => k.At));
        var welcome = new SimulatedCall("x", CallerInfo.From(CallerIdSource.SipFrom, "1"), "2", new VirtualTimeProvider(default), _prompts.Library)
        { Prompts = new PromptScope("pin", "en") };
        Assert.Equal(welcome.DurationOf(Prompt.Of("welcome")) + welcome.DurationOf(Prompt.Of("enter_pin")), promptEnd);
        welcome.Dispose();
        Assert.Equal(["welcome", "enter_pin", "you_entered", "digits/1", "digits/2", "digits/3", "digits/4"], report.Prompts);
    }

    [Fact]
    public async Task A_bang_group_is_pressed_during_the_playing_prompt()
    {
        var report = await Simulate("!12 34");
        Assert.Contains(report.Events, e => e.Kind == CallEventKind.Key && e.Detail == "1 (type-ahead)");
        Assert.Contains(report.Events, e => e.Kind == CallEventKind.BargeIn && e.Detail.Contains("prompt enter_pin skipped", StringComparison.Ordinal));
        Assert.DoesNotContain("enter_pin", report.Prompts);
        Assert.Contains(report.Events, e => e.Detail == "pin 1234 (MaxDigits)");
    }

    [Fact]
    public async Task Barge_in_stops_a_read_back()
    {
        var report = await Simulate("1234 !9");
        Assert.Contains(report.Events, e => e.Kind == CallEventKind.BargeIn && e.Detail == "9 stopped the prompt");
        Assert.True(report.Prompts.Count < 7);
    }

    [Fact]
    public async Task An_underscore_lets_the_wait_time_out()
    {
        var report = await Simulate("_ 1234");
        Assert.Equal("no-pin", report.Outcome);
        var digits = report.Events.Single(e => e.Kind == CallEventKind.Digits);
        Assert.Equal("NoInput: ''", digits.Detail);
    }

    [Fact]
    public async Task An_h_hangs_up_after_the_keys_before_it()
    {
        var report = await Simulate("12h");
        Assert.Equal("caller-hung-up", report.Outcome);
        Assert.Equal(HangUpSide.Caller, report.HangUp);
        Assert.Equal(["1", "2"], report.Events.Where(e => e.Kind == CallEventKind.Key).Select(e => e.Detail));
        Assert.DoesNotContain(report.Events, e => e.Kind == CallEventKind.Digits);
    }

    [Fact]
    public async Task A_bang_h_hangs_up_during_the_prompt()
    {
        var report = await Simulate("!h");
        Assert.Equal(HangUpSide.Caller, report.HangUp);
        Assert.Equal(["welcome"], report.Prompts);
    }

    [Fact]
    public async Task The_clear_key_in_a_script_starts_the_entry_again()
    {
        var report = await Simulate("12* 5678");
        Assert.Contains(report.Events, e => e.Detail == "pin 5678 (MaxDigits)");
        Assert.Equal(2, report.Prompts.Count(p => p == "enter_pin"));
    }

    [Fact]
    public async Task Keys_left_over_when_the_call_ends_are_ignored()
    {
        var report = await Simulate("1234 5 6 7");
        Assert.Equal("pin-entered", report.Outcome);
    }

    [Fact]
    public async Task A_call_where_every_timeout_expires_runs_in_virtual_time()
    {
        var clock = Stopwatch.StartNew();
        var report = await Simulate("", async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            for (var i = 0; i < 3; i++)
            {
                await call.CollectDigitsAsync(new DigitsRequest { Prompt = Prompt.Of("enter_pin"), TotalTimeout = TimeSpan.FromSeconds(30), FirstDigitTimeout = TimeSpan.FromSeconds(30) }, ct);
            }
        });
        clock.Stop();
        Assert.True(report.Events[^1].At >= TimeSpan.FromSeconds(90), $"virtual time was {report.Events[^1].At}");
        Assert.Equal(HangUpSide.App, report.HangUp);
        Assert.Equal("completed", report.Outcome);
    }

    [Fact]
    public async Task The_json_report_has_the_documented_shape()
    {
        var report = await Simulate("1234");
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal("pin-entered", root.GetProperty("outcome").GetString());
        Assert.Equal("app", root.GetProperty("hangup").GetString());
        Assert.Equal("welcome", root.GetProperty("prompts")[0].GetString());
        Assert.Equal(0, root.GetProperty("messages").GetArrayLength());
        var first = root.GetProperty("events")[0];
        Assert.Equal("answered", first.GetProperty("kind").GetString());
        Assert.Equal(0, first.GetProperty("at_ms").GetInt64());
        Assert.Contains(root.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "barge-in" || e.GetProperty("kind").GetString() == "digits");
    }

    [Fact]
    public async Task The_transcript_shows_times_prompt_texts_keys_and_the_outcome()
    {
        var transcript = (await Simulate("1234")).ToTranscript(_prompts.Library);
        Assert.Contains("00:00.000  prompt    welcome: \"Welcome to the test line.\"", transcript, StringComparison.Ordinal);
        Assert.Contains("digits/4: \"four\"", transcript, StringComparison.Ordinal);
        Assert.Contains("key       1", transcript, StringComparison.Ordinal);
        Assert.EndsWith("outcome: pin-entered (hung up by the app)\n", transcript, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_longer_than_the_limit_is_ended_by_the_simulated_caller()
    {
        var report = await Simulate("", async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await call.PlayAsync(Prompt.Of("welcome"), false, ct);
            await call.CollectDigitsAsync(new DigitsRequest { InterDigitTimeout = TimeSpan.FromDays(1) }, ct);
        });
        Assert.Equal(HangUpSide.Caller, report.HangUp);
        Assert.Contains(report.Events, e => e.Detail.Contains("reached 60 minutes; the caller gives up", StringComparison.Ordinal));
        Assert.Equal(CallSimulator.CallLimit, report.Events[^1].At);
    }

    [Fact]
    public async Task A_flow_that_waits_on_something_other_than_the_call_is_stopped_with_an_error()
    {
        var elsewhere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var call = new SimulatedCall("stall", CallerInfo.From(CallerIdSource.SipFrom, "1"), "2",
            new VirtualTimeProvider(default), _prompts.Library)
        {
            Prompts = new PromptScope("pin", "en"),
            StallLimit = TimeSpan.FromMilliseconds(300),
        };
        var run = CallSimulator.RunAsync(call, KeyScript.Parse(""), async ct =>
        {
            await call.AnswerAsync(ct);
            await call.PlayAsync(Prompt.Of("welcome"), false, ct);
            await elsewhere.Task;
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run);

        Assert.Equal("The flow neither finished nor waited on the call for 0.3 s of real time: flows must wait only through ICall.", error.Message);
        Assert.Equal(["welcome"], call.Journal.Prompts);
        elsewhere.SetResult();
    }

    public void Dispose() => _prompts.Dispose();
}
