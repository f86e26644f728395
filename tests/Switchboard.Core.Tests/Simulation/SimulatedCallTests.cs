using Switchboard.Calls;
using Switchboard.Prompts;
using Switchboard.Simulation;

namespace Switchboard.Core.Tests.Simulation;

public sealed class SimulatedCallTests : IDisposable
{
    private readonly TestPrompts _prompts = new();
    private readonly SimulatedCall _call;

    public SimulatedCallTests() =>
        _call = new SimulatedCall("c1", CallerInfo.From(CallerIdSource.SipFrom, "+31201234567"), "100", new VirtualTimeProvider(default), _prompts.Library)
        {
            Prompts = new PromptScope("pin", "en"),
        };

    [Fact]
    public async Task Call_control_is_answered_with_a_not_supported_value_and_journaled()
    {
        var result = await _call.ReplaceWithAsync(new Destination("201", "Reception"), CancellationToken.None);
        Assert.Equal(CallControlOutcome.NotSupported, result.Outcome);
        Assert.False(result.Succeeded);
        Assert.Equal("the simulator cannot transfer to Reception <201>", result.Reason);
        Assert.Equal(CallEventKind.Control, _call.Journal.Events[^1].Kind);
        Assert.Equal(CallControlOutcome.NotSupported,
            (await _call.RouteToAsync(new RouteRequest { Destinations = [new Destination("201"), new Destination("202")] }, CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task After_a_hang_up_every_operation_is_cancelled_and_the_token_has_fired()
    {
        _call.CallerHangsUp();
        Assert.True(_call.HangUpToken.IsCancellationRequested);
        Assert.Equal(HangUpSide.Caller, _call.EndedBy);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _call.AnswerAsync(CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _call.PlayAsync(Prompt.Of("welcome"), CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _call.CollectDigitsAsync(new DigitsRequest(), CancellationToken.None));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _call.DivertAsync(new Destination("1"), CancellationToken.None));
    }

    [Fact]
    public async Task The_first_side_to_hang_up_is_the_one_recorded()
    {
        await _call.HangUpAsync(CancellationToken.None);
        _call.CallerHangsUp();
        Assert.Equal(HangUpSide.App, _call.EndedBy);
        Assert.Single(_call.Journal.Events, e => e.Kind == CallEventKind.HangUp);
    }

    [Fact]
    public void Prompts_last_as_long_as_their_text_takes_to_say_with_a_minimum()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(60 * "Welcome to the test line.".Length), _call.DurationOf(Prompt.Of("welcome")));
        Assert.Equal(TimeSpan.FromMilliseconds(600), _call.DurationOf(Prompt.Digit('1')));
    }

    [Fact]
    public async Task A_prompt_plays_on_virtual_time()
    {
        var play = _call.PlayAsync(Prompt.Of("welcome").Then(Prompt.Of("goodbye")), CancellationToken.None);
        var clock = (VirtualTimeProvider)_call.Time;
        while (!play.IsCompleted && clock.FireNext())
        {
        }

        await play;
        Assert.Equal(_call.DurationOf(Prompt.Of("welcome")) + _call.DurationOf(Prompt.Of("goodbye")), clock.GetUtcNow() - _call.Journal.StartedAt);
        Assert.Equal(["welcome", "goodbye"], _call.Journal.Prompts);
    }

    [Fact]
    public async Task A_recording_ends_on_a_finish_key_after_the_virtual_time_it_ran_and_stores_no_audio()
    {
        var clock = (VirtualTimeProvider)_call.Time;
        _call.Press('#');
        var recording = _call.RecordAsync(new RecordingRequest { Name = "notice.wav", FinishKeys = "#*" }, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(4));
        _call.Press('5');
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(recording.IsCompleted);
        _call.Press('*');

        var result = await recording;
        Assert.Equal(new RecordingResult(null, TimeSpan.FromSeconds(7), RecordingStop.FinishKey, '*'), result);
        Assert.Contains(_call.Journal.Events, e => e.Kind == CallEventKind.Recording && e.Detail.Contains("beep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recording_without_a_finish_key_runs_to_its_maximum_length()
    {
        var clock = (VirtualTimeProvider)_call.Time;
        var recording = _call.RecordAsync(new RecordingRequest { Name = "notice.wav", MaxLength = TimeSpan.FromSeconds(20), FinishKeys = "" }, CancellationToken.None);
        _call.Press('#');
        while (!recording.IsCompleted && clock.FireNext())
        {
        }

        Assert.Equal(new RecordingResult(null, TimeSpan.FromSeconds(20), RecordingStop.MaxLength), await recording);
        Assert.Equal(TimeSpan.FromSeconds(20), clock.GetUtcNow() - _call.Journal.StartedAt);
    }

    [Fact]
    public async Task A_hang_up_cancels_a_recording()
    {
        var recording = _call.RecordAsync(new RecordingRequest { Name = "notice.wav" }, CancellationToken.None);
        _call.CallerHangsUp();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recording);
    }

    public void Dispose()
    {
        _call.Dispose();
        _prompts.Dispose();
    }
}
