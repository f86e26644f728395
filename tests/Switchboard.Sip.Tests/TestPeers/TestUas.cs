using System.Collections.Concurrent;
using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>
/// A user agent server built on the stack for interop tests: rings (180), answers (200 with SDP and Contact) through the UA
/// core's dialog layer, answers re-INVITE with SDP; <see cref="AnswerDelay"/> leaves time for the caller to CANCEL.
/// </summary>
internal sealed class TestUas : ISipRequestHandler, IDialogRequestHandler
{
    private static readonly byte[] Sdp = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n");
    private readonly ConcurrentBag<Task<DialogEndReason>> _endings = [];
    private SipUserAgent? _agent;
    private int _answered;
    private int _refreshed;
    private int _cancelled;

    public TimeSpan AnswerDelay { get; init; }

    public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite];

    public int Answered => _answered;

    public int Refreshed => _refreshed;

    public int Cancelled => _cancelled;

    public SipUserAgent Start(string listen, Func<SipUserAgentOptions, SipUserAgentOptions>? configure = null)
    {
        _agent = TestAgent.Start(this, listen, configure: configure);
        return _agent;
    }

    /// <summary>How many answered calls the caller hung up with BYE, once every dialog has ended (or 10 s passed).</summary>
    public async Task<int> EndedByCallerAsync()
    {
        var reasons = await Task.WhenAll(_endings).WaitAsync(TimeSpan.FromSeconds(10));
        return reasons.Count(reason => reason == DialogEndReason.RemoteBye);
    }

    public async Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        request.Respond(180);
        if (AnswerDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(AnswerDelay, request.Cancelled);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                return;
            }
        }

        var dialog = request.Answer(Answer(request), this);
        _endings.Add(dialog.Ended);
        Interlocked.Increment(ref _answered);
    }

    Task IDialogRequestHandler.HandleAsync(Dialog dialog, IncomingRequest request, CancellationToken cancellationToken)
    {
        if (request.Request.Method == SipMethods.Invite)
        {
            Interlocked.Increment(ref _refreshed);
            request.Respond(Answer(request));
        }
        else
        {
            request.Respond(200);
        }

        return Task.CompletedTask;
    }

    private SipResponse Answer(IncomingRequest request)
    {
        var ok = request.CreateResponse(200);
        ok.Headers.Add(HeaderNames.Contact, $"<{_agent!.ContactFor(request.Source, "uas")}>");
        ok.Headers.Add(HeaderNames.ContentType, "application/sdp");
        ok.Body = Sdp;
        return ok;
    }
}
