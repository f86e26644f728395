using System.Globalization;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Dialogs;

/// <summary>Crossing re-INVITEs between two user agents of the stack (RFC 3261 §14).</summary>
public sealed class GlareTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SipUserAgent _caller;
    private readonly SipUserAgent _callee;
    private readonly Holder _callerSide = new();
    private readonly Holder _calleeSide = new();
    private readonly TaskCompletionSource<Dialog> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GlareTests()
    {
        _caller = TestAgent.Start(new RejectingRequestHandler(404));
        _callee = TestAgent.Start(new ScriptedHandler(request =>
        {
            var ok = request.CreateResponse(200);
            ok.Headers.Add(HeaderNames.Contact, $"<{_callee!.ContactFor(request.Source, "bob")}>");
            _answered.TrySetResult(request.Answer(ok, _calleeSide));
            return Task.CompletedTask;
        }, SipMethods.Invite));
    }

    [Theory]
    [InlineData(true, 2100, 4000)]
    [InlineData(false, 0, 2000)]
    public void The_retry_wait_after_491_depends_on_who_owns_the_call_id(bool ownsCallId, int lowest, int highest)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(lowest), Glare.RetryDelay(ownsCallId, new Extreme(low: true)));
        Assert.Equal(TimeSpan.FromMilliseconds(highest), Glare.RetryDelay(ownsCallId, new Extreme(low: false)));
        var random = new Random(7);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => Glare.RetryDelay(ownsCallId, random).TotalMilliseconds), ms =>
        {
            Assert.InRange(ms, lowest, highest);
            Assert.Equal(0, ms % 10);
        });
        Assert.Equal(0, Glare.RetryAfterSeconds(new Extreme(low: true)));
        Assert.Equal(10, Glare.RetryAfterSeconds(new Extreme(low: false)));
    }

    [Fact]
    public async Task A_re_invite_that_crosses_ours_gets_491_and_the_peer_sends_it_again_after_its_wait_with_the_next_cseq()
    {
        var (callerDialog, calleeDialog) = await CallAsync();
        _calleeSide.Hold = true;
        var ours = _caller.SendInDialogAsync(callerDialog, callerDialog.CreateRequest(SipMethods.Invite));
        await _calleeSide.Arrived.Task.WaitAsync(Wait);

        var theirs = _callee.SendInDialogAsync(calleeDialog, calleeDialog.CreateRequest(SipMethods.Invite));
        while (calleeDialog.LocalInvite is not { FinalResponse.IsCompleted: true })
        {
            await Task.Delay(10);
        }

        Assert.Equal(491, (await calleeDialog.LocalInvite.FinalResponse).StatusCode);
        Assert.Empty(_callerSide.Received);
        _calleeSide.Release.SetResult();

        Assert.Equal(200, (await ours.WaitAsync(Wait)).StatusCode);
        Assert.Equal(200, (await theirs.WaitAsync(Wait)).StatusCode);
        var retried = Assert.Single(_callerSide.Received);
        Assert.Equal(2u, retried.CSeq!.Number); // the refused one was the callee's first request in the dialog, CSeq 1
        Assert.False(calleeDialog.IsCaller);
        Assert.True(callerDialog.IsCaller);
    }

    [Fact]
    public async Task A_second_re_invite_while_the_first_is_unanswered_gets_500_with_a_retry_after_of_at_most_10_seconds()
    {
        var (callerDialog, _) = await CallAsync();
        _calleeSide.Hold = true;
        var first = _caller.SendInDialogAsync(callerDialog, callerDialog.CreateRequest(SipMethods.Invite));
        await _calleeSide.Arrived.Task.WaitAsync(Wait);

        var second = await _caller.SendInDialogAsync(callerDialog, callerDialog.CreateRequest(SipMethods.Invite)).WaitAsync(Wait);
        _calleeSide.Release.SetResult();

        Assert.Equal(500, second.StatusCode);
        Assert.InRange(int.Parse(second.Headers.Get(HeaderNames.RetryAfter)!, CultureInfo.InvariantCulture), 0, 10);
        Assert.Equal(200, (await first.WaitAsync(Wait)).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _caller.DisposeAsync();
        await _callee.DisposeAsync();
    }

    private async Task<(Dialog Caller, Dialog Callee)> CallAsync()
    {
        var target = new SipDestination(SipTransportProtocol.Udp, _callee.Transports[0].LocalEndPoint);
        var call = await _caller.InviteAsync(TestUac.Invite(_caller, target, "bob"), target, _callerSide).WaitAsync(Wait);
        return (call.Dialog!, await _answered.Task.WaitAsync(Wait));
    }

    /// <summary>Answers re-INVITEs with 200, or while <see cref="Hold"/> is set keeps the first one until <see cref="Release"/>.</summary>
    private sealed class Holder : IDialogRequestHandler
    {
        private readonly List<SipRequest> _received = [];

        public bool Hold { get; set; }

        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<SipRequest> Received
        {
            get
            {
                lock (_received)
                {
                    return [.. _received];
                }
            }
        }

        public async Task HandleAsync(Dialog dialog, IncomingRequest request, CancellationToken cancellationToken)
        {
            if (Hold && Arrived.TrySetResult())
            {
                await Release.Task;
            }
            else
            {
                lock (_received)
                {
                    _received.Add(request.Request);
                }
            }

            request.Respond(200);
        }
    }

    /// <summary>A <see cref="Random"/> that always draws the lowest or the highest value allowed.</summary>
    private sealed class Extreme(bool low) : Random
    {
        public override int Next(int minValue, int maxValue) => low ? minValue : maxValue - 1;
    }
}
