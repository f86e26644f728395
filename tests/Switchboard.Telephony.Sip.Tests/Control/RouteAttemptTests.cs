using Switchboard.Calls;
using Switchboard.Media.Tests.Sessions;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Telephony.Sip.Control;
using Switchboard.Testing;

namespace Switchboard.Telephony.Sip.Tests.Control;

[Trait("Category", Categories.Interop)]
public sealed class RouteAttemptTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DialerFixture _fixture = new();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task The_first_to_answer_takes_the_call_and_the_one_still_ringing_is_cancelled()
    {
        var (ringing, ringingPort) = await DialerFixture.CalleeAsync("uas-cancel.xml");
        var (answering, answeringPort) = await DialerFixture.CalleeAsync("uas-answer-late.xml");
        using var _ = ringing;
        using var __ = answering;
        var answerer = new Destination($"sip:202@127.0.0.1:{answeringPort}", "Petrov");
        var request = new RouteRequest { Destinations = [new Destination($"sip:201@127.0.0.1:{ringingPort}", "Ivanov"), answerer], RingTimeout = TimeSpan.FromSeconds(15) };

        var outcome = await RouteAttempt.RingAsync(_fixture.Dialer(), request, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(new CallControlResult(CallControlOutcome.Succeeded, AnsweredBy: answerer), outcome.Result);
        Assert.Equal(answerer, outcome.Winner!.Destination);
        await outcome.Settled.WaitAsync(Patience);
        var cancelled = await Sipp.WaitAsync(ringing, Patience);
        Assert.True(cancelled.ExitCode == 0, $"the ringing callee expects CANCEL: {cancelled}");
        Assert.Equal(DialerFixture.PortPairs - 1, _fixture.Ports.Available);

        await outcome.Winner.HangUpAsync(CancellationToken.None).WaitAsync(Patience);
        var answered = await Sipp.WaitAsync(answering, Patience);
        Assert.True(answered.ExitCode == 0, answered.ToString());
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
        Assert.Equal(0, _fixture.Agent.Dialogs.Count);
    }

    [Fact]
    public async Task When_two_answer_at_once_the_later_answer_is_hung_up()
    {
        var (first, firstPort) = await DialerFixture.CalleeAsync("uas-answer-now.xml");
        var (second, secondPort) = await DialerFixture.CalleeAsync("uas-answer-now.xml");
        using var _ = first;
        using var __ = second;
        var request = new RouteRequest { Destinations = [new Destination($"sip:201@127.0.0.1:{firstPort}"), new Destination($"sip:202@127.0.0.1:{secondPort}")] };

        var outcome = await RouteAttempt.RingAsync(_fixture.Dialer(), request, CancellationToken.None).WaitAsync(Patience);
        await outcome.Settled.WaitAsync(Patience);

        Assert.True(outcome.Result.Succeeded, outcome.Result.ToString());
        Assert.Equal(outcome.Winner!.Destination, outcome.Result.AnsweredBy);
        await MediaTesting.Eventually(() => _fixture.Agent.Dialogs.Count == 1, "only the winner's dialog is left");
        Assert.Equal(DialerFixture.PortPairs - 1, _fixture.Ports.Available);
        await outcome.Winner.HangUpAsync(CancellationToken.None).WaitAsync(Patience);
        foreach (var sipp in new[] { first, second })
        {
            var result = await Sipp.WaitAsync(sipp, Patience);
            Assert.True(result.ExitCode == 0, $"each callee that answered gets BYE: {result}");
        }

        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }

    [Fact]
    public async Task When_nobody_answers_the_result_is_no_answer_with_each_destinations_reason()
    {
        var (busy, busyPort) = await DialerFixture.CalleeAsync("uas-busy.xml");
        var (ringing, ringingPort) = await DialerFixture.CalleeAsync("uas-cancel.xml");
        using var _ = busy;
        using var __ = ringing;
        var request = new RouteRequest
        {
            Destinations = [new Destination($"sip:201@127.0.0.1:{busyPort}"), new Destination($"sip:202@127.0.0.1:{ringingPort}")],
            RingTimeout = TimeSpan.FromSeconds(1.5),
        };

        var outcome = await RouteAttempt.RingAsync(_fixture.Dialer(), request, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(CallControlOutcome.NoAnswer, outcome.Result.Outcome);
        Assert.Equal($"sip:201@127.0.0.1:{busyPort}: 486 Busy Here; sip:202@127.0.0.1:{ringingPort}: not answered within 1.5 s", outcome.Result.Reason);
        Assert.Null(outcome.Winner);
        Assert.True((await Sipp.WaitAsync(ringing, Patience)).ExitCode == 0);
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }

    [Fact]
    public async Task The_caller_hanging_up_cancels_every_ringing_destination()
    {
        var (first, firstPort) = await DialerFixture.CalleeAsync("uas-cancel.xml");
        var (second, secondPort) = await DialerFixture.CalleeAsync("uas-cancel.xml");
        using var _ = first;
        using var __ = second;
        var request = new RouteRequest { Destinations = [new Destination($"sip:201@127.0.0.1:{firstPort}"), new Destination($"sip:202@127.0.0.1:{secondPort}")] };
        using var callerGone = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RouteAttempt.RingAsync(_fixture.Dialer(), request, callerGone.Token).WaitAsync(Patience));

        foreach (var sipp in new[] { first, second })
        {
            var result = await Sipp.WaitAsync(sipp, Patience);
            Assert.True(result.ExitCode == 0, $"each callee expects CANCEL: {result}");
        }

        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }
}
