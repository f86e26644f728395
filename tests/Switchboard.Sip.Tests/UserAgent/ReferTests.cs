using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>Two user agents of the stack: the transferor sends REFER in a call, the transferee answers it and reports progress with NOTIFY.</summary>
public sealed class ReferTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly AddressUri Target = AddressUri.Parse("sip:carol@192.0.2.9");
    private readonly SipUserAgent _transferor;
    private readonly SipUserAgent _transferee;
    private readonly TaskCompletionSource<SipRequest> _refer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _scripts = [];
    private Func<Dialog, IncomingRequest, Task> _onRefer = (_, _) => Task.CompletedTask;

    public ReferTests()
    {
        _transferor = TestAgent.Start(new RejectingRequestHandler(404));
        _transferee = TestAgent.Start(new ScriptedHandler(AnswerAsync, SipMethods.Invite, SipMethods.Refer));
    }

    [Fact]
    public async Task A_202_then_notifies_ending_with_a_terminated_200_is_a_transfer_that_succeeded_and_every_status_is_reported()
    {
        var notifies = new List<int>();
        _onRefer = async (dialog, refer) =>
        {
            refer.Respond(202);
            notifies.Add(await NotifyAsync(dialog, "SIP/2.0 100 Trying", "active;expires=60"));
            notifies.Add(await NotifyAsync(dialog, "SIP/2.0 180 Ringing", "active;expires=60"));
            notifies.Add(await NotifyAsync(dialog, "SIP/2.0 200 OK", "terminated;reason=noresource"));
        };
        var reported = new List<int>();
        var progress = new Progress(status => reported.Add(status.StatusCode));

        var result = await ReferAsync(progress);
        await Task.WhenAll(_scripts).WaitAsync(Wait);

        Assert.Equal(ReferOutcome.Succeeded, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Equal(202, result.Response.StatusCode);
        Assert.Equal(new SipFragStatus(200, "OK"), result.Final);
        Assert.Equal([100, 180, 200], reported);
        Assert.Equal([200, 200, 200], notifies);
        var refer = await _refer.Task.WaitAsync(Wait);
        Assert.Equal($"<{Target}>", refer.Headers.Get(HeaderNames.ReferTo));
        Assert.Equal("<sip:switchboard@127.0.0.1>", refer.Headers.Get(HeaderNames.ReferredBy));
        Assert.Equal("127.0.0.1", ((SipUri)refer.Known.Contacts[0].Uri).Host.Host);
    }

    [Fact]
    public async Task A_refer_refused_with_603_fails_with_that_reason()
    {
        _onRefer = (_, refer) =>
        {
            refer.Respond(603);
            return Task.CompletedTask;
        };

        var result = await ReferAsync();

        Assert.Equal(ReferOutcome.Refused, result.Outcome);
        Assert.Equal(603, result.Response.StatusCode);
        Assert.Null(result.Final);
        Assert.Equal("REFER answered 603 Decline", result.Reason);
    }

    [Fact]
    public async Task A_final_notify_with_486_fails_the_transfer_with_busy_here()
    {
        _onRefer = async (dialog, refer) =>
        {
            refer.Respond(202);
            await NotifyAsync(dialog, "SIP/2.0 100 Trying", "active");
            await NotifyAsync(dialog, "SIP/2.0 486 Busy Here", "terminated");
        };

        var result = await ReferAsync();

        Assert.Equal(ReferOutcome.Failed, result.Outcome);
        Assert.Equal(new SipFragStatus(486, "Busy Here"), result.Final);
        Assert.Equal("486 Busy Here", result.Reason);
    }

    [Fact]
    public async Task A_subscription_terminated_while_only_provisional_statuses_came_fails()
    {
        _onRefer = async (dialog, refer) =>
        {
            refer.Respond(202);
            await NotifyAsync(dialog, "SIP/2.0 180 Ringing", "terminated;reason=timeout");
        };

        var result = await ReferAsync();

        Assert.Equal(ReferOutcome.Failed, result.Outcome);
        Assert.Null(result.Final);
    }

    [Fact]
    public async Task No_final_notify_within_the_refer_timeout_fails_as_timed_out()
    {
        _onRefer = async (dialog, refer) =>
        {
            refer.Respond(202);
            await NotifyAsync(dialog, "SIP/2.0 100 Trying", "active;expires=60");
        };
        var clock = new ManualClock();
        await using var transferor = TestAgent.Start(new RejectingRequestHandler(404), time: clock, configure: o => o with { ReferTimeout = TimeSpan.FromSeconds(30) });
        var reported = 0;
        var call = await CallAsync(transferor);

        var refer = transferor.ReferAsync(call, Target, new Progress(_ => Interlocked.Increment(ref reported)), CancellationToken.None);
        while (Volatile.Read(ref reported) == 0)
        {
            await Task.Delay(20);
        }

        clock.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(100);
        Assert.False(refer.IsCompleted);
        while (!refer.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        var result = await refer;
        Assert.Equal(ReferOutcome.TimedOut, result.Outcome);
        Assert.Equal("no final NOTIFY within 30 s", result.Reason);
    }

    [Fact]
    public async Task A_notify_that_overtakes_the_202_and_a_final_notify_after_the_transferee_hung_up_are_both_followed()
    {
        _onRefer = async (dialog, refer) =>
        {
            await NotifyAsync(dialog, "SIP/2.0 100 Trying", "active");
            refer.Respond(202);
            var notify = Notify(dialog, "SIP/2.0 200 OK", "terminated");
            await _transferee.HangUpAsync(dialog);
            await SendAsync(dialog, notify);
        };
        var reported = new List<int>();

        var result = await ReferAsync(new Progress(status => reported.Add(status.StatusCode)));

        Assert.Equal(ReferOutcome.Succeeded, result.Outcome);
        Assert.Equal([100, 200], reported);
        Assert.Equal(0, _transferor.Dialogs.Count);
    }

    [Fact]
    public async Task A_202_with_refer_sub_false_succeeds_without_waiting_for_notify()
    {
        _onRefer = (_, refer) =>
        {
            var accepted = refer.CreateResponse(202);
            accepted.Headers.Add(HeaderNames.ReferSub, "false");
            refer.Respond(accepted);
            return Task.CompletedTask;
        };

        var result = await ReferAsync();

        Assert.Equal(ReferOutcome.Succeeded, result.Outcome);
        Assert.Null(result.Final);
    }

    [Fact]
    public async Task A_notify_whose_sipfrag_cannot_be_read_gets_400_and_the_next_one_still_counts()
    {
        var answers = new List<int>();
        _onRefer = async (dialog, refer) =>
        {
            refer.Respond(202);
            answers.Add(await NotifyAsync(dialog, "garbage", "active"));
            answers.Add(await NotifyAsync(dialog, "SIP/2.0 200 OK", "terminated"));
        };

        var result = await ReferAsync();
        await Task.WhenAll(_scripts).WaitAsync(Wait);

        Assert.Equal(ReferOutcome.Succeeded, result.Outcome);
        Assert.Equal([400, 200], answers);
    }

    [Fact]
    public async Task Notifies_name_their_refer_by_event_id_when_two_refers_run_in_one_dialog()
    {
        var refers = 0;
        _onRefer = async (dialog, refer) =>
        {
            refer.Respond(202);
            if (Interlocked.Increment(ref refers) < 2)
            {
                return;
            }

            await Task.Delay(100);
            var first = $"refer;id={refer.Request.CSeq!.Number - 1}";
            var second = $"refer;id={refer.Request.CSeq!.Number}";
            await SendAsync(dialog, Notify(dialog, "SIP/2.0 486 Busy Here", "terminated", second));
            await SendAsync(dialog, Notify(dialog, "SIP/2.0 200 OK", "terminated", first));
        };
        var call = await CallAsync();

        var results = await Task.WhenAll(
            _transferor.ReferAsync(call, Target, CancellationToken.None),
            Task.Delay(50).ContinueWith(_ => _transferor.ReferAsync(call, Target, CancellationToken.None), TaskScheduler.Default).Unwrap()).WaitAsync(Wait);

        Assert.Equal(ReferOutcome.Succeeded, results[0].Outcome);
        Assert.Equal(ReferOutcome.Failed, results[1].Outcome);
    }

    [Fact]
    public async Task Cancelling_stops_waiting_for_notifies()
    {
        _onRefer = (_, refer) =>
        {
            refer.Respond(202);
            return Task.CompletedTask;
        };
        var call = await CallAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _transferor.ReferAsync(call, Target, cancel.Token).WaitAsync(Wait, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await _transferor.DisposeAsync();
        await _transferee.DisposeAsync();
    }

    private async Task<ReferResult> ReferAsync(IProgress<SipFragStatus>? progress = null)
    {
        var call = await CallAsync();
        return await _transferor.ReferAsync(call, Target, progress, CancellationToken.None).WaitAsync(Wait);
    }

    private async Task<Dialog> CallAsync(SipUserAgent? transferor = null)
    {
        transferor ??= _transferor;
        var target = new SipDestination(SipTransportProtocol.Udp, _transferee.Transports[0].LocalEndPoint);
        var result = await transferor.InviteAsync(TestUac.Invite(transferor, target, "bob"), target).WaitAsync(Wait);
        return result.Dialog!;
    }

    private Task AnswerAsync(IncomingRequest request)
    {
        var ok = request.CreateResponse(200);
        ok.Headers.Add(HeaderNames.Contact, $"<{_transferee.ContactFor(request.Source, "bob")}>");
        request.Answer(ok, new Transferee(this));
        return Task.CompletedTask;
    }

    private static SipRequest Notify(Dialog dialog, string sipfrag, string state, string @event = "refer")
    {
        var notify = dialog.CreateRequest(SipMethods.Notify);
        notify.Headers.Add(HeaderNames.Event, @event);
        notify.Headers.Add(HeaderNames.SubscriptionState, state);
        notify.Headers.Add(HeaderNames.ContentType, "message/sipfrag;version=2.0");
        notify.Body = Encoding.ASCII.GetBytes(sipfrag + "\r\n");
        return notify;
    }

    private Task<int> NotifyAsync(Dialog dialog, string sipfrag, string state) => SendAsync(dialog, Notify(dialog, sipfrag, state));

    private async Task<int> SendAsync(Dialog dialog, SipRequest notify)
    {
        var hop = await NextHop.ResolveAsync(dialog.RemoteTarget);
        return (await _transferee.SendRequest(notify, hop).FinalResponse.WaitAsync(Wait)).StatusCode;
    }

    /// <summary>Gives each REFER to the test's script; other in-dialog requests get 200.</summary>
    private sealed class Transferee(ReferTests test) : IDialogRequestHandler
    {
        public Task HandleAsync(Dialog dialog, IncomingRequest request, CancellationToken cancellationToken)
        {
            if (request.Request.Method != SipMethods.Refer)
            {
                request.Respond(200);
                return Task.CompletedTask;
            }

            test._refer.TrySetResult(request.Request);
            var script = test._onRefer(dialog, request);
            lock (test._scripts)
            {
                test._scripts.Add(script);
            }

            return script;
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports synchronously, so a test sees every status in order.</summary>
    private sealed class Progress(Action<SipFragStatus> report) : IProgress<SipFragStatus>
    {
        public void Report(SipFragStatus value) => report(value);
    }
}
