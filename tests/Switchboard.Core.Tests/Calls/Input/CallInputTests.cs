using Switchboard.Calls;
using Switchboard.Calls.Input;
using Switchboard.Prompts;
using Switchboard.Simulation;

namespace Switchboard.Core.Tests.Calls.Input;

public sealed class CallInputTests : IDisposable
{
    private readonly VirtualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedPlayer _player = new();
    private readonly CancellationTokenSource _hangUp = new();
    private readonly CallInput _input;
    private readonly CallJournal _journal;

    public CallInputTests()
    {
        _journal = new CallJournal(_time);
        _input = new CallInput(_time, _player, _journal, _hangUp.Token);
    }

    private static DigitsRequest Entry => new()
    {
        Prompt = Prompt.Of("enter"), MaxDigits = 10, ClearKey = '*',
        InterDigitTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task Timers_do_not_run_while_the_prompt_plays()
    {
        var task = _input.CollectAsync(Entry, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(60));
        Assert.False(task.IsCompleted);
        Assert.Equal(InputState.Playing, _input.State);

        _player.Finish();
        Assert.Equal(InputState.WaitingForKeys, _input.State);
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(task.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(DigitsEnd.NoInput, (await task).End);
    }

    [Fact]
    public async Task A_barge_in_key_stops_the_prompt_and_counts_as_the_first_digit()
    {
        var task = _input.CollectAsync(Entry, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        _input.Press('0');
        Assert.Equal(["start enter", "stop"], _player.Log);
        _input.Press('6');
        _input.Press('#');
        Assert.Equal("06", (await task).Digits);
    }

    [Fact]
    public async Task Without_barge_in_keys_wait_in_the_buffer_until_the_prompt_ends()
    {
        var task = _input.CollectAsync(Entry with { BargeIn = false }, CancellationToken.None);
        _input.Press('1');
        _input.Press('2');
        Assert.Equal(["start enter"], _player.Log);
        Assert.Equal("12", _input.TypeAhead);
        _player.Finish();
        _input.Press('#');
        Assert.Equal("12", (await task).Digits);
    }

    [Fact]
    public async Task Keys_typed_before_a_collection_skip_its_barge_in_prompt_and_are_used()
    {
        var play = _input.PlayAsync(Prompt.Of("welcome"), bargeIn: false, CancellationToken.None);
        _input.Press('4');
        _input.Press('2');
        _player.Finish();
        Assert.False((await play).BargedIn);

        var task = _input.CollectAsync(Entry, CancellationToken.None);
        Assert.Equal(["start welcome"], _player.Log);
        _input.Press('#');
        Assert.Equal("42", (await task).Digits);
    }

    [Fact]
    public async Task Flush_type_ahead_forgets_keys_typed_before()
    {
        _input.Press('9');
        var task = _input.CollectAsync(Entry with { FlushTypeAhead = true }, CancellationToken.None);
        Assert.Equal(["start enter"], _player.Log);
        _player.Finish();
        _input.Press('1');
        _input.Press('#');
        Assert.Equal("1", (await task).Digits);
    }

    [Fact]
    public async Task A_barge_in_play_reports_the_key_and_leaves_it_in_the_buffer()
    {
        var play = _input.PlayAsync(Prompt.Of("menu"), bargeIn: true, CancellationToken.None);
        _input.Press('2');
        Assert.Equal('2', (await play).BargedInBy);
        Assert.Equal("2", _input.TypeAhead);
    }

    [Fact]
    public async Task The_clear_key_replays_the_prompt_and_starts_the_entry_again()
    {
        var task = _input.CollectAsync(Entry, CancellationToken.None);
        _player.Finish();
        _input.Press('0');
        _input.Press('6');
        _time.Advance(TimeSpan.FromSeconds(4));
        _input.Press('*');
        Assert.Equal(["start enter", "start enter"], _player.Log);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(task.IsCompleted);
        _player.Finish();
        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(task.IsCompleted);
        _input.Press('7');
        _input.Press('#');
        var result = await task;
        Assert.Equal("7", result.Digits);
        Assert.Equal(1, result.Clears);
    }

    [Fact]
    public async Task A_finish_key_right_after_an_automatic_end_is_swallowed()
    {
        var task = _input.CollectAsync(Entry with { IsComplete = d => d.Length == 2 }, CancellationToken.None);
        _player.Finish();
        _input.Press('1');
        _input.Press('2');
        Assert.Equal(DigitsEnd.Complete, (await task).End);
        _input.Press('#');
        Assert.Equal("", _input.TypeAhead);
        _input.Press('#');
        Assert.Equal("#", _input.TypeAhead);
    }

    [Fact]
    public async Task A_finish_key_long_after_an_automatic_end_is_kept()
    {
        var task = _input.CollectAsync(Entry with { MaxDigits = 1 }, CancellationToken.None);
        _player.Finish();
        _input.Press('1');
        await task;
        _time.Advance(TimeSpan.FromSeconds(6));
        _input.Press('#');
        Assert.Equal("#", _input.TypeAhead);
    }

    [Fact]
    public async Task Hang_up_cancels_the_pending_collection_and_every_later_request()
    {
        var task = _input.CollectAsync(Entry, CancellationToken.None);
        await _hangUp.CancelAsync();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(_hangUp.Token, e.CancellationToken);
        Assert.Equal(["start enter", "stop"], _player.Log);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _input.PlayAsync(Prompt.Of("x"), false, CancellationToken.None));
        _input.Press('1');
        Assert.Equal("", _input.TypeAhead);
    }

    [Fact]
    public async Task The_flows_token_cancels_only_its_own_request()
    {
        using var cts = new CancellationTokenSource();
        var task = _input.CollectAsync(Entry, cts.Token);
        _player.Finish();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        var next = _input.PlayAsync(Prompt.Of("x"), false, CancellationToken.None);
        _player.Finish();
        Assert.False((await next).BargedIn);
    }

    [Fact]
    public void A_second_request_while_one_runs_is_refused()
    {
        _ = _input.PlayAsync(Prompt.Of("x"), false, CancellationToken.None);
        Assert.Throws<InvalidOperationException>(() => { _ = _input.CollectAsync(Entry, CancellationToken.None); });
    }

    [Fact]
    public void The_type_ahead_buffer_keeps_the_newest_keys()
    {
        for (var i = 0; i < CallInput.TypeAheadLimit + 3; i++)
        {
            _input.Press(i < 3 ? '1' : '2');
        }

        Assert.Equal(new string('2', CallInput.TypeAheadLimit), _input.TypeAhead);
    }

    [Fact]
    public async Task The_journal_records_prompts_keys_and_the_result()
    {
        var task = _input.CollectAsync(Entry, CancellationToken.None);
        _input.Press('5');
        _input.Press('#');
        await task;
        Assert.Equal(["enter"], _journal.Prompts);
        Assert.Equal([CallEventKind.Prompt, CallEventKind.Key, CallEventKind.BargeIn, CallEventKind.Key, CallEventKind.Digits],
            _journal.Events.Select(e => e.Kind));
    }

    public void Dispose()
    {
        _input.Dispose();
        _hangUp.Dispose();
    }
}
