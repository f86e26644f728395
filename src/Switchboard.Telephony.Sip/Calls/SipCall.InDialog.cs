using Microsoft.Extensions.Logging;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sdp;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Telephony.Sip.Calls;

/// <summary>The requests the caller sends inside the answered call: re-INVITE (hold, resume, a new address) and INFO (keys).</summary>
public sealed partial class SipCall
{
    private static readonly string DtmfBodies = $"{SipInfoDtmf.DtmfRelay}, {SipInfoDtmf.Dtmf}";

    private async Task OnRequestAsync(IncomingRequest request)
    {
        switch (request.Request.Method)
        {
            case SipMethods.Info:
                OnInfo(request);
                break;
            case SipMethods.Invite:
                await OnReInviteAsync(request);
                break;
            case SipMethods.Notify:
                request.Respond(481, "Subscription does not exist");
                break;
            default:
                request.Respond(501);
                break;
        }
    }

    // INFO with a DTMF body is a key (fed into the same stream as RFC 4733 and in-band keys); an empty INFO is a keep-alive.
    private void OnInfo(IncomingRequest request)
    {
        var body = request.Request.Body;
        if (body.IsEmpty)
        {
            request.Respond(200);
            return;
        }

        var type = request.Request.Known.ContentType is { } media ? $"{media.Type}/{media.Subtype}" : "";
        if (!SipInfoDtmf.IsDtmfContentType(type))
        {
            var refusal = request.CreateResponse(415);
            refusal.Headers.Add(HeaderNames.Accept, DtmfBodies);
            request.Respond(refusal);
            return;
        }

        var problem = SipInfoDtmf.TryParse(type, body.Span, out var digit, out var duration);
        if (problem is not null)
        {
            request.Respond(400, $"Bad Request ({problem})");
            return;
        }

        request.Respond(200);
        _media.AcceptSipInfo(digit, duration);
    }

    // A re-INVITE with an offer gets an answer at once; one without gets our offer, whose answer comes in the ACK.
    private async Task OnReInviteAsync(IncomingRequest request)
    {
        var body = request.Request.Body;
        if (body.IsEmpty)
        {
            request.Respond(WithSdp(WithContact(request.CreateResponse(200)), _offerAnswer.CreateOffer(_media.LocalPort)));
            if (await request.Acknowledged is { } ack && TakeAnswer(ack, out var problem) is false)
            {
                LogReInviteFailed(_logger, SipCallId, problem);
            }

            return;
        }

        var parsed = SdpParser.Parse(body.Span);
        if (!parsed.IsComplete)
        {
            request.Respond(400, $"Bad Request (SDP {parsed.Error})");
            return;
        }

        var result = _offerAnswer.Answer(parsed.Description!, _media.LocalPort);
        if (!result.IsAccepted)
        {
            LogReInviteFailed(_logger, SipCallId, result.Error!);
            request.Respond(488);
            return;
        }

        request.Respond(WithSdp(WithContact(request.CreateResponse(200)), result.Answer!));
        Apply(result.Audio!);
        LogReInvite(_logger, SipCallId, result.Audio!.Direction, result.Audio.RemoteRtp);
    }

    private void Apply(NegotiatedAudio audio)
    {
        bool started;
        lock (_lock)
        {
            if (_endedBy is not null)
            {
                return;
            }

            started = _mediaStarted;
            _audio = audio;
        }

        if (started)
        {
            _media.Update(audio);
        }
        else
        {
            StartMedia(audio);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP call {SipCallId} re-INVITE: media {Direction}, to {Remote}")]
    private static partial void LogReInvite(ILogger logger, string sipCallId, MediaDirection direction, System.Net.IPEndPoint? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP call {SipCallId} re-INVITE not taken: {Problem}")]
    private static partial void LogReInviteFailed(ILogger logger, string sipCallId, string problem);

    /// <summary>Hands the dialog's requests to the call (kept off the call's public surface).</summary>
    private sealed class InDialog(SipCall call) : IDialogRequestHandler
    {
        public Task HandleAsync(Dialog dialog, IncomingRequest request, CancellationToken cancellationToken) => call.OnRequestAsync(request);
    }
}
