using System.Net;
using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Dialogs;

/// <summary>Two user agents of the stack on loopback: one places calls, the other answers them through the dialog layer.</summary>
public sealed class DialogLayerTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly InDialogRecorder _calleeDialogs = new();
    private readonly InDialogRecorder _callerDialogs = new();
    private readonly SipUserAgent _caller;
    private readonly SipUserAgent _callee;
    private readonly TaskCompletionSource<Dialog> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipRequest?> _calleeAcks = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _answerDelay;

    public DialogLayerTests()
    {
        _caller = TestAgent.Start(new RejectingRequestHandler(404));
        _callee = TestAgent.Start(new ScriptedHandler(AnswerAsync, SipMethods.Invite));
    }

    [Fact]
    public async Task An_answered_call_has_a_dialog_on_both_sides_and_a_bye_from_the_callee_ends_both()
    {
        var call = await CallAsync();
        var answered = await _answered.Task.WaitAsync(Wait);

        Assert.Equal(200, call.Response.StatusCode);
        Assert.Equal(1, _caller.Dialogs.Count);
        Assert.Equal(1, _callee.Dialogs.Count);
        Assert.Equal(call.Dialog!.CallId, answered.CallId);

        var bye = await _callee.HangUpAsync(answered).WaitAsync(Wait);

        Assert.Equal(200, bye!.StatusCode);
        Assert.Equal(DialogEndReason.RemoteBye, await call.Dialog.Ended.WaitAsync(Wait));
        Assert.Equal(DialogEndReason.LocalBye, await answered.Ended.WaitAsync(Wait));
        Assert.Equal(0, _caller.Dialogs.Count);
        Assert.Equal(0, _callee.Dialogs.Count);
    }

    [Fact]
    public async Task The_answer_carries_the_record_routes_of_the_invite_so_the_caller_has_the_same_route_set_as_the_callee()
    {
        var target = new SipDestination(SipTransportProtocol.Udp, _callee.Transports[0].LocalEndPoint);
        var invite = TestUac.Invite(_caller, target, "alice");
        invite.Headers.Add(HeaderNames.RecordRoute, "<sip:edge.example.net;lr>");
        invite.Headers.Add(HeaderNames.RecordRoute, "<sip:core.example.net;lr;ftag=1>");

        var call = await _caller.InviteAsync(invite, target, _callerDialogs).WaitAsync(Wait);
        var answered = await _answered.Task.WaitAsync(Wait);

        Assert.Equal(200, call.Response.StatusCode);
        Assert.Equal(["<sip:edge.example.net;lr>", "<sip:core.example.net;lr;ftag=1>"], call.Response.Headers.GetAll(HeaderNames.RecordRoute).Select(h => h.Value));
        Assert.Equal(["<sip:core.example.net;lr;ftag=1>", "<sip:edge.example.net;lr>"], call.Dialog!.RouteSet.Select(r => r.ToString()));
        Assert.Equal(["<sip:edge.example.net;lr>", "<sip:core.example.net;lr;ftag=1>"], answered.RouteSet.Select(r => r.ToString()));
    }

    [Fact]
    public async Task The_callee_gets_the_ack_for_its_2xx_so_the_retransmission_stops()
    {
        var call = await CallAsync();

        var ack = await _calleeAcks.Task.WaitAsync(Wait);

        Assert.NotNull(ack);
        Assert.Equal(call.Dialog!.CallId, ack.CallId);
    }

    [Fact]
    public async Task A_re_invite_goes_to_the_dialog_handler_which_answers_with_a_body_and_the_hold_is_acknowledged()
    {
        var call = await CallAsync();
        var dialog = call.Dialog!;
        var hold = dialog.CreateRequest(SipMethods.Invite);
        hold.Headers.Add(HeaderNames.Contact, $"<{_caller.ContactFor(_caller.Transports[0], IPAddress.Loopback, "moved")}>");
        hold.Headers.Add(HeaderNames.ContentType, "application/sdp");
        hold.Body = Encoding.ASCII.GetBytes("v=0\r\na=sendonly\r\n");

        var response = await _caller.SendInDialogAsync(dialog, hold).WaitAsync(Wait);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("v=0\r\na=recvonly\r\n", Encoding.ASCII.GetString(response.Body.Span));
        var received = Assert.Single(_calleeDialogs.Requests);
        Assert.Equal("v=0\r\na=sendonly\r\n", Encoding.ASCII.GetString(received.Request.Body.Span));
        Assert.NotNull(await received.Acknowledged.WaitAsync(Wait));
        Assert.Equal("moved", ((SipUri)(await _answered.Task).RemoteTarget).User);
    }

    [Theory]
    [InlineData(SipMethods.Info, "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n")]
    [InlineData(SipMethods.Notify, "message/sipfrag", "SIP/2.0 200 OK\r\n")]
    public async Task Info_and_notify_inside_the_dialog_reach_the_handler_with_their_body(string method, string type, string body)
    {
        var call = await CallAsync();
        var request = call.Dialog!.CreateRequest(method);
        request.Headers.Add(HeaderNames.ContentType, type);
        request.Body = Encoding.ASCII.GetBytes(body);

        var response = await _caller.SendInDialogAsync(call.Dialog, request).WaitAsync(Wait);

        Assert.Equal(200, response.StatusCode);
        var received = Assert.Single(_calleeDialogs.Requests);
        Assert.Equal(method, received.Request.Method);
        Assert.Equal(body, Encoding.ASCII.GetString(received.Request.Body.Span));
        Assert.Same(await _answered.Task, received.Dialog);
    }

    [Fact]
    public async Task A_bye_that_matches_no_dialog_gets_481()
    {
        var call = await CallAsync();
        var answered = await _answered.Task.WaitAsync(Wait);
        _callee.Dialogs.End(answered, DialogEndReason.Shutdown);

        var bye = await _caller.HangUpAsync(call.Dialog!).WaitAsync(Wait);

        Assert.Equal(481, bye!.StatusCode);
        Assert.Equal(DialogEndReason.LocalBye, await call.Dialog!.Ended);
        Assert.Equal(0, _caller.Dialogs.Count);
    }

    [Fact]
    public async Task A_re_invite_answered_481_ends_the_dialog()
    {
        var call = await CallAsync();
        _callee.Dialogs.End(await _answered.Task.WaitAsync(Wait), DialogEndReason.Shutdown);

        var response = await _caller.SendInDialogAsync(call.Dialog!, call.Dialog!.CreateRequest(SipMethods.Invite)).WaitAsync(Wait);

        Assert.Equal(481, response.StatusCode);
        Assert.Equal(DialogEndReason.RequestFailed, await call.Dialog.Ended.WaitAsync(Wait));
        Assert.Equal(0, _caller.Dialogs.Count);
    }

    [Fact]
    public async Task An_in_dialog_request_with_an_older_cseq_gets_500()
    {
        var call = await CallAsync();
        var first = call.Dialog!.CreateRequest(SipMethods.Info);
        var second = call.Dialog.CreateRequest(SipMethods.Info);

        Assert.Equal(200, (await _caller.SendInDialogAsync(call.Dialog, second).WaitAsync(Wait)).StatusCode);
        Assert.Equal(500, (await _caller.SendInDialogAsync(call.Dialog, first).WaitAsync(Wait)).StatusCode);
    }

    [Fact]
    public async Task Stopping_the_stack_ends_every_dialog()
    {
        var call = await CallAsync();
        var answered = await _answered.Task.WaitAsync(Wait);

        await _callee.DisposeAsync();

        Assert.Equal(DialogEndReason.Shutdown, await answered.Ended.WaitAsync(Wait));
        Assert.Equal(0, _callee.Dialogs.Count);
        Assert.False(call.Dialog!.IsEnded);
    }

    [Fact]
    public async Task Cancelling_a_ringing_call_sends_cancel_and_the_invite_ends_with_487_and_no_dialog()
    {
        _answerDelay = TimeSpan.FromSeconds(30);
        using var hangUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var call = await CallAsync(cancellationToken: hangUp.Token);

        Assert.Equal(487, call.Response.StatusCode);
        Assert.Null(call.Dialog);
        Assert.Equal(0, _caller.Dialogs.Count);
        Assert.Equal(0, _callee.Dialogs.Count);
    }

    [Fact]
    public async Task A_302_is_sent_with_its_contact_and_the_caller_follows_it_with_the_same_call_id_and_a_higher_cseq()
    {
        var call = await CallAsync("moved");

        Assert.Equal(200, call.Response.StatusCode);
        Assert.Equal("alice", ((SipUri)call.Response.Known.Contacts[0].Uri).User);
        Assert.Equal(2u, call.Response.CSeq!.Number);
        Assert.Equal(call.Dialog!.CallId, (await _answered.Task.WaitAsync(Wait)).CallId);
        Assert.Equal(1, _caller.Dialogs.Count);
    }

    [Fact]
    public async Task A_redirect_back_to_a_uri_already_tried_is_returned_instead_of_followed()
    {
        var call = await CallAsync("loop");

        Assert.Equal(302, call.Response.StatusCode);
        Assert.Null(call.Dialog);
        Assert.Equal(0, _caller.Dialogs.Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
    }

    private Task<InviteResult> CallAsync(string user = "alice", CancellationToken cancellationToken = default)
    {
        var target = new SipDestination(SipTransportProtocol.Udp, _callee.Transports[0].LocalEndPoint);
        return _caller.InviteAsync(TestUac.Invite(_caller, target, user), target, _callerDialogs, cancellationToken).WaitAsync(Wait, CancellationToken.None);
    }

    private async Task AnswerAsync(IncomingRequest request)
    {
        if (request.Request.RequestUri is SipUri { User: "moved" or "loop" } moved)
        {
            var target = moved.User == "loop" ? moved : _callee.ContactFor(request.Source, "alice");
            request.Redirect([target]);
            return;
        }

        request.Respond(180);
        if (_answerDelay > TimeSpan.Zero)
        {
            await Task.Delay(_answerDelay, request.Cancelled).ContinueWith(_ => { }, TaskScheduler.Default);
            if (request.IsCancelled)
            {
                return;
            }
        }

        var ok = request.CreateResponse(200);
        ok.Headers.Add(HeaderNames.Contact, $"<{_callee.ContactFor(request.Source, "alice")}>");
        _answered.TrySetResult(request.Answer(ok, _calleeDialogs));
        _calleeAcks.TrySetResult(await request.Acknowledged);
    }

    /// <summary>Records the in-dialog requests it is given and answers 200 (a re-INVITE with an SDP answer that mirrors hold).</summary>
    private sealed class InDialogRecorder : IDialogRequestHandler
    {
        private readonly List<(SipRequest Request, Dialog Dialog, Task<SipRequest?> Acknowledged)> _received = [];

        public IReadOnlyList<(SipRequest Request, Dialog Dialog, Task<SipRequest?> Acknowledged)> Requests
        {
            get
            {
                lock (_received)
                {
                    return [.. _received];
                }
            }
        }

        public Task HandleAsync(Dialog dialog, IncomingRequest request, CancellationToken cancellationToken)
        {
            lock (_received)
            {
                _received.Add((request.Request, dialog, request.Acknowledged));
            }

            var ok = request.CreateResponse(200);
            if (request.Request.Method == SipMethods.Invite)
            {
                ok.Headers.Add(HeaderNames.ContentType, "application/sdp");
                ok.Body = Encoding.ASCII.GetBytes("v=0\r\na=recvonly\r\n");
            }

            request.Respond(ok);
            return Task.CompletedTask;
        }
    }
}
