using System.Text;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.SipLoadUas;

/// <summary>Answers every INVITE at once with 180 then 200 (SDP, Contact); BYE is left to the UA core, which answers it 200 and ends the dialog.</summary>
internal sealed class AnsweringHandler : ISipRequestHandler
{
    private static readonly byte[] Sdp = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\n");
    private long _answered;
    private long _endedByBye;
    private long _endedOtherwise;

    public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite];

    /// <summary>The Contact put in every 200; set once the transport is bound.</summary>
    public string Contact { get; set; } = "";

    public long Answered => Interlocked.Read(ref _answered);

    public long EndedByBye => Interlocked.Read(ref _endedByBye);

    public long EndedOtherwise => Interlocked.Read(ref _endedOtherwise);

    public Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        request.Respond(180);
        var ok = request.CreateResponse(200);
        ok.Headers.Add(HeaderNames.Contact, Contact);
        ok.Headers.Add(HeaderNames.ContentType, "application/sdp");
        ok.Body = Sdp;
        var dialog = request.Answer(ok, null);
        Interlocked.Increment(ref _answered);
        _ = CountEndingAsync(dialog);
        return Task.CompletedTask;
    }

    private async Task CountEndingAsync(Dialog dialog)
    {
        if (await dialog.Ended == DialogEndReason.RemoteBye)
        {
            Interlocked.Increment(ref _endedByBye);
        }
        else
        {
            Interlocked.Increment(ref _endedOtherwise);
        }
    }
}
