using Switchboard.Calls;
using Switchboard.Media.Audio;
using Switchboard.Media.Sdp;
using Switchboard.Prompts;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Telephony.Sip.Routing;
using Switchboard.Telephony.Sip.Tests.TestPeers;

namespace Switchboard.Telephony.Sip.Tests.Calls;

/// <summary>Calls from a phone on the SIP stack to the front-end in process, over loopback SIP and RTP, through the real flow host.</summary>
public sealed class SipCallTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly DigitsRequest FourDigits = new() { MaxDigits = 4, InterDigitTimeout = TimeSpan.FromSeconds(5) };
    private readonly TestCaller _phone = new();
    private readonly TaskCompletionSource<object> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CallServer? _server;

    [Fact]
    public async Task The_caller_hears_the_prompt_and_keys_sent_as_rfc4733_events_reach_the_app_which_hangs_up_with_bye()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await call.PlayAsync(Prompt.Of("hello"), ct);
            _outcome.TrySetResult(await call.CollectDigitsAsync(FourDigits, ct));
            await call.HangUpAsync(ct);
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        await Eventually.Holds(() => leg.Heard.LoudSamples > 1000, "the caller hears the prompt");
        leg.Press("1234");

        var digits = (DigitsResult)await _outcome.Task.WaitAsync(Wait);
        Assert.Equal(200, leg.Status);
        Assert.Equal("1234", digits.Digits);
        Assert.Equal(DialogEndReason.RemoteBye, await leg.Dialog.Ended.WaitAsync(Wait));
        Assert.Equal(HangUpSide.App, call.EndedBy);
        Assert.Contains("hello", call.Journal.Prompts);
        Assert.Contains(call.Journal.Events, e => e.Kind == CallEventKind.Answered && e.Detail.Contains("RFC 4733", StringComparison.Ordinal));
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task Keys_sent_as_sip_info_reach_the_app_and_an_info_body_that_is_no_key_gets_415()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            _outcome.TrySetResult(await call.CollectDigitsAsync(FourDigits, ct));
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        var relay = await leg.InfoAsync("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n");
        var bare = await leg.InfoAsync("application/dtmf", "7");
        var code = await leg.InfoAsync("application/dtmf-relay", "Signal=11\r\n");
        var sdp = await leg.InfoAsync("application/sdp", "v=0\r\n");
        var broken = await leg.InfoAsync("application/dtmf-relay", "Signal=X\r\n");

        var digits = (DigitsResult)await _outcome.Task.WaitAsync(Wait);
        Assert.Equal([200, 200, 200, 415, 400], new[] { relay.StatusCode, bare.StatusCode, code.StatusCode, sdp.StatusCode, broken.StatusCode });
        Assert.Contains("application/dtmf-relay", sdp.Headers.Get(HeaderNames.Accept), StringComparison.Ordinal);
        Assert.Equal("57", digits.Digits);
        Assert.Equal(DigitsEnd.FinishKey, digits.End);
        await leg.HangUpAsync();
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task Keys_heard_as_tones_reach_the_app_when_the_caller_agreed_to_no_telephone_events()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            _outcome.TrySetResult(await call.CollectDigitsAsync(FourDigits with { MaxDigits = 3 }, ct));
            await call.HangUpAsync(ct);
        });
        await using var leg = await _phone.CallAsync(server.Address, telephoneEvents: false);
        var call = await server.NextCallAsync();
        var gap = TimeSpan.FromMilliseconds(100);

        await leg.Media.PlayAsync(AudioSources.Sequence(
            AudioSources.Silence(gap), AudioSources.Dtmf('3', gap), AudioSources.Silence(gap),
            AudioSources.Dtmf('0', gap), AudioSources.Silence(gap), AudioSources.Dtmf('9', gap), AudioSources.Silence(gap)));

        Assert.Equal("309", ((DigitsResult)await _outcome.Task.WaitAsync(Wait)).Digits);
        await server.AssertReleasedAsync(call);
        Assert.Contains(call.Journal.Events, e => e.Kind == CallEventKind.Answered && e.Detail.Contains("in-band", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_caller_hanging_up_during_entry_cancels_the_app_and_gives_back_every_resource()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            try
            {
                await call.CollectDigitsAsync(FourDigits with { InterDigitTimeout = TimeSpan.FromMinutes(1) }, ct);
            }
            catch (OperationCanceledException e)
            {
                _outcome.TrySetResult(e);
                throw;
            }
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();
        leg.Press("12");
        await Eventually.Holds(() => call.Journal.Events.Count(e => e.Kind == CallEventKind.Key) == 2, "both keys arrived");

        await leg.HangUpAsync();

        Assert.IsType<TaskCanceledException>(await _outcome.Task.WaitAsync(Wait), exactMatch: false);
        Assert.Equal(HangUpSide.Caller, call.EndedBy);
        Assert.True(call.HangUpToken.IsCancellationRequested);
        await server.AssertReleasedAsync(call);
        Assert.Equal("caller-hung-up", call.Journal.Outcome);
    }

    [Fact]
    public async Task The_caller_hanging_up_during_a_prompt_stops_it_and_gives_back_every_resource()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            var playing = call.PlayAsync(Prompt.Of("long"), ct);
            _outcome.TrySetResult(playing);
            await playing;
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();
        var playing = (Task<PlayResult>)await _outcome.Task.WaitAsync(Wait);
        await Eventually.Holds(() => leg.Heard.LoudSamples > 800, "the caller hears the prompt");

        await leg.HangUpAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => playing.WaitAsync(Wait));
        Assert.Equal(HangUpSide.Caller, call.EndedBy);
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task A_cancel_before_the_answer_ends_the_call_as_hung_up_by_the_caller()
    {
        var server = Serve(async (call, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            await call.AnswerAsync(ct);
        });
        using var cancel = new CancellationTokenSource();
        var placing = _phone.CallAsync(server.Address, cancel: cancel.Token);
        var call = await server.NextCallAsync();

        await cancel.CancelAsync();

        await using var leg = await placing;
        Assert.Equal(487, leg.Status);
        Assert.Equal(HangUpSide.Caller, call.EndedBy);
        Assert.Contains(call.Journal.Events, e => e.Kind == CallEventKind.HangUp && e.Detail.Contains("CANCEL", StringComparison.Ordinal));
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task The_app_hanging_up_before_answering_refuses_the_call_with_480()
    {
        var server = Serve((call, ct) => call.HangUpAsync(ct));

        await using var leg = await _phone.CallAsync(server.Address);

        var call = await server.NextCallAsync();
        Assert.Equal(480, leg.Status);
        Assert.Equal(HangUpSide.App, call.EndedBy);
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task A_flow_that_fails_after_answering_still_hangs_up_with_bye_and_gives_back_every_resource()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            throw new InvalidOperationException("the flow broke");
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        Assert.Equal(DialogEndReason.RemoteBye, await leg.Dialog.Ended.WaitAsync(Wait));
        await server.AssertReleasedAsync(call);
        Assert.Equal("failed", call.Journal.Outcome);
    }

    [Fact]
    public async Task A_missing_recording_is_taken_as_played_and_said_so_in_the_journal()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            _outcome.TrySetResult(await call.PlayAsync(Prompt.Of("absent").Then(Prompt.Of("hello")), ct));
            await call.HangUpAsync(ct);
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        Assert.Equal(PlayResult.Finished, (PlayResult)await _outcome.Task.WaitAsync(Wait));
        Assert.Equal(["absent", "hello"], call.Journal.Prompts);
        Assert.Contains(call.Journal.Events, e => e.Kind == CallEventKind.Prompt && e.Detail.StartsWith("absent: no playable recording", StringComparison.Ordinal));
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task A_divert_before_answering_sends_302_whose_contact_the_caller_follows()
    {
        var server = Serve(async (call, ct) => _outcome.TrySetResult(await call.DivertAsync(new Destination("201"), ct)));

        await using var leg = await _phone.CallAsync(server.Address);

        var result = (CallControlResult)await _outcome.Task.WaitAsync(Wait);
        var call = await server.NextCallAsync();
        Assert.True(result.Succeeded);
        Assert.Equal(486, leg.Status);
        Assert.StartsWith("sip:201@127.0.0.1:", Assert.Single(_phone.Invited.RequestUris), StringComparison.Ordinal);
        Assert.Equal(HangUpSide.App, call.EndedBy);
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task A_divert_after_answering_is_refused_as_invalid_and_the_call_goes_on()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            _outcome.TrySetResult(await call.DivertAsync(new Destination("sip:201@127.0.0.1"), ct));
            await call.PlayAsync(Prompt.Of("hello"), ct);
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        var result = (CallControlResult)await _outcome.Task.WaitAsync(Wait);

        Assert.Equal(CallControlOutcome.InvalidState, result.Outcome);
        Assert.Equal(DialogEndReason.RemoteBye, await leg.Dialog.Ended.WaitAsync(Wait));
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task Routing_transfer_and_bridging_are_answered_as_not_supported_yet()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            var destination = new Destination("201");
            _outcome.TrySetResult(new[]
            {
                await call.RouteToAsync(new RouteRequest { Destinations = [destination] }, ct),
                await call.ReplaceWithAsync(destination, ct),
                await call.BridgeAsync(call, ct),
            });
        });
        await using var leg = await _phone.CallAsync(server.Address);

        var results = (CallControlResult[])await _outcome.Task.WaitAsync(Wait);

        Assert.All(results, r => Assert.Equal(CallControlOutcome.NotSupported, r.Outcome));
        Assert.All(results, r => Assert.Contains("SIP front-end does not do this yet", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_re_invite_to_hold_and_back_is_answered_with_the_mirrored_direction()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        var hold = await leg.ReInviteAsync(MediaDirection.SendOnly);
        var resume = await leg.ReInviteAsync(MediaDirection.SendRecv);

        Assert.Equal(200, hold.StatusCode);
        Assert.Contains("a=recvonly", System.Text.Encoding.ASCII.GetString(hold.Body.Span), StringComparison.Ordinal);
        Assert.Contains("a=sendrecv", System.Text.Encoding.ASCII.GetString(resume.Body.Span), StringComparison.Ordinal);
        await leg.HangUpAsync();
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task A_re_invite_without_sdp_gets_an_offer_of_every_codec_and_a_missing_answer_leaves_the_call_as_it_was()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        var offer = System.Text.Encoding.ASCII.GetString((await leg.ReInviteWithoutOfferAsync()).Body.Span);
        var hold = await leg.ReInviteAsync(MediaDirection.SendOnly);

        Assert.Contains("a=rtpmap:0 PCMU/8000", offer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:8 PCMA/8000", offer, StringComparison.Ordinal);
        Assert.Contains("telephone-event/8000", offer, StringComparison.Ordinal);
        Assert.Equal(200, hold.StatusCode);
        Assert.Null(call.EndedBy);
        await leg.HangUpAsync();
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task The_caller_information_comes_from_every_identity_header_and_the_called_number_from_the_request_uri()
    {
        var server = Serve(async (call, ct) => await call.HangUpAsync(ct));

        await using var leg = await _phone.CallAsync(server.Address, user: "0201234567", from: "\"Anon\" <sip:anonymous@anonymous.invalid>", edit: invite =>
        {
            invite.Headers.Add("P-Asserted-Identity", "<sip:+31612345678@carrier.example>, <tel:+31612345678>");
            invite.Headers.Add("Privacy", "id");
        });

        var call = await server.NextCallAsync();
        Assert.Equal("0201234567", call.Called);
        Assert.Equal(
            [(CallerIdSource.SipFrom, "\"Anon\" <sip:anonymous@anonymous.invalid>"), (CallerIdSource.PAssertedIdentity, "<sip:+31612345678@carrier.example>"), (CallerIdSource.PAssertedIdentity, "<tel:+31612345678>")],
            call.Caller.Values.Select(v => (v.Source, v.Raw.Split(";tag=")[0])));
        Assert.True(call.Caller.PrivacyRequested);
    }

    [Fact]
    public async Task With_early_media_a_prompt_before_the_answer_goes_out_in_a_183_and_the_200_follows()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.PlayAsync(Prompt.Of("hello"), ct);
            await call.AnswerAsync(ct);
            await call.HangUpAsync(ct);
        }, [new SipRoute(SipRoute.Any, PromptFolder.App) { EarlyMedia = true }]);

        await using var leg = await _phone.CallAsync(server.Address);

        var call = await server.NextCallAsync();
        await server.AssertReleasedAsync(call);
        Assert.Equal(200, leg.Status);
        var events = call.Journal.Events.Select(e => (e.Kind, e.Detail)).ToList();
        var early = events.FindIndex(e => e.Kind == CallEventKind.Answered && e.Detail.StartsWith("early media", StringComparison.Ordinal));
        var prompt = events.FindIndex(e => e.Kind == CallEventKind.Prompt);
        var answered = events.FindIndex(e => e.Kind == CallEventKind.Answered && e.Detail.StartsWith("answered", StringComparison.Ordinal));
        Assert.True(early >= 0 && early < prompt && prompt < answered, string.Join("; ", events));
    }

    [Theory]
    [InlineData("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n", 488)]
    [InlineData("this is not sdp", 400)]
    public async Task An_offer_that_cannot_be_served_is_refused_before_any_app_runs(string sdp, int status)
    {
        var server = Serve((call, ct) => throw new InvalidOperationException("no app should run"));

        await using var leg = await _phone.CallAsync(server.Address, edit: invite => invite.Body = System.Text.Encoding.ASCII.GetBytes(sdp));

        Assert.Equal(status, leg.Status);
        Assert.False(server.Calls.Reader.TryRead(out _));
        await Eventually.Holds(() => server.Media.Ports.Available == server.IdlePorts, "the port pair is given back");
    }

    [Fact]
    public async Task Once_the_app_hung_up_every_operation_is_cancelled_and_hanging_up_again_does_nothing()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await call.AnswerAsync(ct);
            await call.HangUpAsync(ct);
            await call.HangUpAsync(ct);
            var refused = new List<Exception>();
            foreach (var operation in new Func<Task>[]
            {
                () => call.AnswerAsync(CancellationToken.None),
                () => call.PlayAsync(Prompt.Of("hello"), CancellationToken.None),
                () => call.CollectDigitsAsync(FourDigits, CancellationToken.None),
                () => call.DivertAsync(new Destination("201"), CancellationToken.None),
            })
            {
                refused.Add(await Assert.ThrowsAnyAsync<OperationCanceledException>(operation));
            }

            _outcome.TrySetResult(refused);
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        Assert.Equal(4, ((List<Exception>)await _outcome.Task.WaitAsync(Wait)).Count);
        Assert.Equal(DialogEndReason.RemoteBye, await leg.Dialog.Ended.WaitAsync(Wait));
        await server.AssertReleasedAsync(call);
        Assert.Single(call.Journal.Events, e => e.Kind == CallEventKind.HangUp);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _phone.DisposeAsync();
    }

    private CallServer Serve(Func<ICall, CancellationToken, Task> script, IReadOnlyList<SipRoute>? routes = null) =>
        _server = CallServer.Start(script, routes);
}
