using System.Collections.Concurrent;
using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>
/// A user agent server built on the stack for interop tests: rings (180), answers (200 with SDP and Contact), keeps the
/// dialog, accepts re-INVITE, answers BYE; <see cref="AnswerDelay"/> leaves time for the caller to CANCEL.
/// </summary>
internal sealed class TestUas : ISipRequestHandler
{
    private static readonly byte[] Sdp = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n");
    private readonly ConcurrentDictionary<string, Dialog> _dialogs = new();
    private SipUserAgent? _agent;
    private int _answered;
    private int _ended;
    private int _refreshed;
    private int _cancelled;

    public TimeSpan AnswerDelay { get; init; }

    public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite, SipMethods.Bye];

    public int Answered => _answered;

    public int Ended => _ended;

    public int Refreshed => _refreshed;

    public int Cancelled => _cancelled;

    public int OpenDialogs => _dialogs.Count;

    public SipUserAgent Start(string listen)
    {
        _agent = TestAgent.Start(this, listen);
        return _agent;
    }

    public async Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        var message = request.Request;
        if (message.To?.Tag is not null)
        {
            InDialog(request);
            return;
        }

        if (message.Method != SipMethods.Invite)
        {
            request.Respond(481);
            return;
        }

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

        var ok = Answer(request);
        _dialogs[message.CallId!] = Dialog.ForServer(message, ok);
        Interlocked.Increment(ref _answered);
        request.Respond(ok);
    }

    private void InDialog(IncomingRequest request)
    {
        var message = request.Request;
        if (!_dialogs.TryGetValue(message.CallId!, out var dialog) || !dialog.Matches(message))
        {
            request.Respond(481);
            return;
        }

        if (!dialog.AcceptRequest(message))
        {
            request.Respond(500, "Server Internal Error (CSeq out of order)");
            return;
        }

        if (message.Method == SipMethods.Bye)
        {
            _dialogs.TryRemove(message.CallId!, out _);
            Interlocked.Increment(ref _ended);
            request.Respond(200);
            return;
        }

        Interlocked.Increment(ref _refreshed);
        request.Respond(Answer(request));
    }

    private SipResponse Answer(IncomingRequest request)
    {
        var ok = request.CreateResponse(200);
        ok.Headers.Add(HeaderNames.Contact, $"<{_agent!.ContactFor(request.Source.Transport, "uas")}>");
        foreach (var recordRoute in request.Request.Headers.GetAll(HeaderNames.RecordRoute))
        {
            ok.Headers.Add(recordRoute);
        }

        ok.Headers.Add(HeaderNames.ContentType, "application/sdp");
        ok.Body = Sdp;
        return ok;
    }
}
