using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Switchboard.Calls;
using Switchboard.Calls.Input;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Prompts;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Media;
using Switchboard.Telephony.Sip.Routing;

namespace Switchboard.Telephony.Sip.Calls;

/// <summary>
/// An incoming SIP call as a flow sees it: answering is a 200 OK with the SDP answer, prompts and keys go through the call's
/// RTP session and <see cref="CallInput"/>, and the caller's BYE or CANCEL, a failed dialog or closed media end it. Every path
/// gives back the RTP ports, the clock slot and the call's tasks once <see cref="DisposeAsync"/> has run.
/// </summary>
public sealed partial class SipCall : ICall, IAsyncDisposable
{
    private readonly IncomingRequest _invite;
    private readonly SipUserAgent _agent;
    private readonly CallMedia _shared;
    private readonly SipRoute _route;
    private readonly RtpSession _media;
    private readonly OfferAnswerSession _offerAnswer;
    private readonly CallInput _input;
    private readonly RtpPromptPlayer _player;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _hangUp = new();
    private readonly CancellationToken _hangUpToken;
    private readonly CancellationTokenRegistration _cancelled;
    private readonly Lock _lock = new();
    private SessionDescription? _answer;
    private NegotiatedAudio? _audio;
    private Dialog? _dialog;
    private Task? _answering;
    private Task _digits = Task.CompletedTask;
    private bool _finalSent;
    private bool _earlyMedia;
    private bool _mediaStarted;
    private HangUpSide? _endedBy;

    private SipCall(string id, IncomingRequest invite, SipUserAgent agent, CallMedia shared, SipRoute route, RtpSession media,
        OfferAnswerSession offerAnswer, TimeProvider time, ILogger logger)
    {
        Id = id;
        _invite = invite;
        _agent = agent;
        _shared = shared;
        _route = route;
        _media = media;
        _logger = logger;
        Time = time;
        Caller = CallerHeaders.Read(invite.Request);
        Called = CallerHeaders.Called(invite.Request);
        Journal = new CallJournal(time);
        _hangUpToken = _hangUp.Token;
        _offerAnswer = offerAnswer;
        _player = new RtpPromptPlayer(media, shared, () => Prompts, Journal, logger);
        _input = new CallInput(time, _player, Journal, _hangUpToken);
        _cancelled = invite.Cancelled.UnsafeRegister(_ => OnInviteEnded(), null);
        _ = media.Closed.ContinueWith(_ => OnMediaClosed(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public CallerInfo Caller { get; }

    /// <inheritdoc/>
    public string Called { get; }

    /// <inheritdoc/>
    public TimeProvider Time { get; }

    /// <inheritdoc/>
    public CallJournal Journal { get; }

    /// <inheritdoc/>
    public PromptScope Prompts { get; set; } = PromptScope.None;

    /// <inheritdoc/>
    public CancellationToken HangUpToken => _hangUpToken;

    /// <inheritdoc/>
    public HangUpSide? EndedBy
    {
        get { lock (_lock) { return _endedBy; } }
    }

    /// <summary>The SIP Call-ID of the INVITE.</summary>
    public string SipCallId => _invite.Request.CallId ?? "";

    /// <summary>The call's RTP session (its local port is in the SDP).</summary>
    internal RtpSession Media => _media;

    /// <summary>The dialog, once answered.</summary>
    internal Dialog? Dialog
    {
        get { lock (_lock) { return _dialog; } }
    }

    /// <summary>
    /// Takes an INVITE on: reads its SDP offer (if any), binds an RTP port pair and prepares the answer. Returns null with the
    /// response to refuse it with when the offer cannot be served (bad or unacceptable SDP, no free RTP port).
    /// </summary>
    public static SipCall? Accept(string id, IncomingRequest invite, SipUserAgent agent, CallMedia shared, SipRoute route,
        TimeProvider time, ILogger logger, out SipResponse? refusal)
    {
        refusal = null;
        SessionDescription? offer = null;
        if (!invite.Request.Body.IsEmpty)
        {
            var parsed = SdpParser.Parse(invite.Request.Body.Span);
            if (!parsed.IsComplete)
            {
                refusal = invite.CreateResponse(400, $"Bad Request (SDP {parsed.Error})");
                return null;
            }

            offer = parsed.Description;
        }

        var address = shared.AddressFor(invite.Source);
        RtpSession media;
        try
        {
            media = RtpSession.Open(shared.Ports, shared.Clock, new RtpSessionOptions { InBandDtmf = route.InBandDtmf, Logger = shared.Logger });
        }
        catch (InvalidOperationException e)
        {
            LogNoPorts(logger, e.Message);
            refusal = WithRetryAfter(invite.CreateResponse(503, "Service Unavailable (no free RTP port)"));
            return null;
        }

        var offerAnswer = new OfferAnswerSession(shared.OfferAnswer, address, (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue));
        OfferAnswerResult? answered = null;
        if (offer is not null)
        {
            answered = offerAnswer.Answer(offer, media.LocalPort);
            if (!answered.IsAccepted)
            {
                refusal = invite.CreateResponse(488);
                refusal.Headers.Add("Warning", $"399 switchboard \"{answered.Error!.Replace('"', '\'')}\"");
                _ = media.DisposeAsync().AsTask();
                return null;
            }
        }

        return new SipCall(id, invite, agent, shared, route, media, offerAnswer, time, logger)
        {
            _answer = answered?.Answer,
            _audio = answered?.Audio,
        };
    }

    /// <summary>A 503 that asks the caller's side to try again in 30 seconds.</summary>
    public static SipResponse WithRetryAfter(SipResponse response)
    {
        response.Headers.Add("Retry-After", "30");
        return response;
    }

    /// <inheritdoc/>
    public Task AnswerAsync(CancellationToken ct)
    {
        ThrowIfEnded(ct);
        Task answering;
        lock (_lock)
        {
            answering = _answering ??= Task.Run(AnswerCoreAsync, CancellationToken.None);
        }

        return answering.WaitAsync(ct);
    }

    /// <inheritdoc/>
    public async Task<PlayResult> PlayAsync(PromptSequence prompts, bool bargeIn, CancellationToken ct)
    {
        await EnsureMediaAsync(ct);
        return await _input.PlayAsync(prompts, bargeIn, ct);
    }

    /// <inheritdoc/>
    public async Task<DigitsResult> CollectDigitsAsync(DigitsRequest request, CancellationToken ct)
    {
        await EnsureMediaAsync(ct);
        return await _input.CollectAsync(request, ct);
    }

    /// <inheritdoc/>
    public Task HangUpAsync(CancellationToken ct) => HangUpAsync("the app hung up", ct);

    /// <summary>Ends the call from this side (BYE, or 480 before the answer), with <paramref name="why"/> in the journal and the log.</summary>
    public async Task HangUpAsync(string why, CancellationToken ct)
    {
        Dialog? dialog;
        bool respond;
        lock (_lock)
        {
            if (_endedBy is not null)
            {
                return;
            }

            dialog = _dialog;
            respond = !_finalSent;
            _finalSent = true;
        }

        End(HangUpSide.App, why);
        if (dialog is not null)
        {
            // No BYE before the ACK of the 2xx (RFC 3261 §15); without an ACK the core ends the dialog itself.
            await _invite.Acknowledged.WaitAsync(ct);
            await _agent.HangUpAsync(dialog, ct);
        }
        else if (respond)
        {
            _invite.Respond(480);
        }
    }

    /// <summary>Ends the call if it is still up (as the app), closes the media and waits until every task of the call is done.</summary>
    public async ValueTask DisposeAsync()
    {
        await HangUpAsync(CancellationToken.None);
        await _media.DisposeAsync();
        await _digits;
        await _player.Idle;
        if (_answering is { } answering)
        {
            await answering.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        _cancelled.Dispose();
        _input.Dispose();
        _hangUp.Dispose();
    }

    private async Task AnswerCoreAsync()
    {
        var offered = _answer is null;
        var description = _answer ?? _offerAnswer.CreateOffer(_media.LocalPort);
        var response = WithSdp(WithContact(_invite.CreateResponse(200)), description);
        lock (_lock)
        {
            _hangUpToken.ThrowIfCancellationRequested();
            _finalSent = true;
        }

        Dialog dialog;
        try
        {
            dialog = _invite.Answer(response, new InDialog(this));
        }
        catch (InvalidOperationException)
        {
            End(HangUpSide.Caller, "the caller hung up before the answer");
            throw new OperationCanceledException(_hangUpToken);
        }

        bool ended;
        lock (_lock)
        {
            _dialog = dialog;
            ended = _endedBy is not null;
        }

        _ = WatchAsync(dialog);
        if (ended)
        {
            await _agent.HangUpAsync(dialog);
            throw new OperationCanceledException(_hangUpToken);
        }

        if (!offered)
        {
            StartMedia(_audio!);
        }

        var ack = await _invite.Acknowledged.WaitAsync(_hangUpToken);
        if (ack is null)
        {
            End(HangUpSide.Caller, "the caller never acknowledged the answer (no ACK)");
            throw new OperationCanceledException(_hangUpToken);
        }

        if (offered && !TakeAnswer(ack, out var problem))
        {
            End(HangUpSide.Caller, $"the caller's ACK carried no usable SDP answer: {problem}");
            await _agent.HangUpAsync(dialog);
            throw new OperationCanceledException(_hangUpToken);
        }

        var audio = _audio!;
        Journal.Add(CallEventKind.Answered,
            $"answered: {audio.Codec.EncodingName()}, {audio.PtimeMs} ms, " +
            (audio.TelephoneEventPayloadType is { } events ? $"RFC 4733 keys (payload {events})" : "no RFC 4733 keys") +
            (_media.DetectsTones ? ", in-band tones detected" : ""));
        LogAnswered(_logger, SipCallId, audio.Codec, _media.LocalPort, audio.RemoteRtp);
    }

    private bool TakeAnswer(SipRequest ack, out string problem)
    {
        if (ack.Body.IsEmpty)
        {
            problem = "the ACK has no body";
            return false;
        }

        var parsed = SdpParser.Parse(ack.Body.Span);
        var result = parsed.IsComplete ? _offerAnswer.TakeAnswer(parsed.Description!) : null;
        if (result is not { IsAccepted: true })
        {
            problem = parsed.Error ?? result?.Error ?? "unreadable";
            return false;
        }

        Apply(result.Audio!);
        problem = "";
        return true;
    }

    // Before prompts can be heard: early media (183 with the answer) when the route asks for it and the INVITE had an offer, else the answer.
    private async Task EnsureMediaAsync(CancellationToken ct)
    {
        ThrowIfEnded(ct);
        bool early, first;
        lock (_lock)
        {
            early = _answering is null && _route.EarlyMedia && _answer is not null;
            first = early && !_earlyMedia;
            _earlyMedia |= early;
        }

        if (first)
        {
            _invite.Respond(WithSdp(WithContact(_invite.CreateResponse(183)), _answer!));
            Journal.Add(CallEventKind.Answered, "early media: 183 Session Progress, prompts play before the answer");
        }

        if (early)
        {
            StartMedia(_audio!);
            return;
        }

        await AnswerAsync(ct);
    }

    private void StartMedia(NegotiatedAudio audio)
    {
        lock (_lock)
        {
            if (_mediaStarted || _endedBy is not null)
            {
                return;
            }

            _mediaStarted = true;
            _media.Start(audio);
            _digits = ReadDigitsAsync();
        }
    }

    private async Task ReadDigitsAsync()
    {
        await foreach (var key in _media.Digits.ReadAllAsync())
        {
            if (key.Kind == DtmfEventKind.Started)
            {
                LogKey(_logger, key.Digit, key.Source);
                _input.Press(key.Digit);
            }
        }
    }

    private async Task WatchAsync(Dialog dialog)
    {
        var reason = await dialog.Ended;
        switch (reason)
        {
            case DialogEndReason.RemoteBye:
                End(HangUpSide.Caller, "the caller hung up (BYE)");
                break;
            case DialogEndReason.NoAck:
                End(HangUpSide.Caller, "the caller never acknowledged the answer (no ACK)");
                break;
            case DialogEndReason.RequestFailed:
                End(HangUpSide.Caller, "the dialog failed (481 or 408 to a request in it)");
                break;
            case DialogEndReason.Shutdown:
                End(HangUpSide.App, "the server stopped");
                break;
        }
    }

    private void OnInviteEnded()
    {
        lock (_lock)
        {
            if (_dialog is not null || (_finalSent && !_invite.IsCancelled))
            {
                return;
            }
        }

        End(HangUpSide.Caller, _invite.IsCancelled ? "the caller hung up before the answer (CANCEL)" : "the INVITE transaction ended before the answer");
    }

    private void OnMediaClosed()
    {
        var dialog = Dialog;
        if (End(HangUpSide.Caller, "the media session closed") && dialog is not null)
        {
            _ = _agent.HangUpAsync(dialog);
        }
    }

    private bool End(HangUpSide side, string detail)
    {
        lock (_lock)
        {
            if (_endedBy is not null)
            {
                return false;
            }

            _endedBy = side;
        }

        Journal.Add(CallEventKind.HangUp, detail);
        LogEnded(_logger, SipCallId, side, detail);
        _hangUp.Cancel();
        _ = _media.DisposeAsync().AsTask();
        return true;
    }

    private void ThrowIfEnded(CancellationToken ct)
    {
        _hangUpToken.ThrowIfCancellationRequested();
        ct.ThrowIfCancellationRequested();
    }

    private SipResponse WithContact(SipResponse response)
    {
        response.Headers.Add(HeaderNames.Contact, $"<{_agent.ContactFor(_invite.Source.Transport)}>");
        return response;
    }

    private static SipResponse WithSdp(SipResponse response, SessionDescription description)
    {
        response.Headers.Add(HeaderNames.ContentType, "application/sdp");
        response.Body = SdpWriter.WriteUtf8(description);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP call {SipCallId} answered: {Codec}, RTP port {Port}, media to {Remote}")]
    private static partial void LogAnswered(ILogger logger, string sipCallId, AudioCodec codec, int port, System.Net.IPEndPoint? remote);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP call {SipCallId} ended by {Side}: {Detail}")]
    private static partial void LogEnded(ILogger logger, string sipCallId, HangUpSide side, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Key {Key} ({Source})")]
    private static partial void LogKey(ILogger logger, char key, DtmfSource source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "INVITE refused with 503: {Reason}")]
    private static partial void LogNoPorts(ILogger logger, string reason);
}
