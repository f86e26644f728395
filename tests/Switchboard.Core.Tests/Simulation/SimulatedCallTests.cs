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

    public void Dispose()
    {
        _call.Dispose();
        _prompts.Dispose();
    }
}
