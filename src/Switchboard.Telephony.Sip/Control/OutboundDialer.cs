using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Switchboard.Calls;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Media;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>
/// Places the INVITEs of call control, one leg per destination: opens the leg's RTP session, offers SDP, answers one Digest
/// challenge, cancels when the ring time runs out or the caller goes, and on a 2xx takes the answer and starts the audio.
/// Every path that does not hand over an answered leg gives the RTP session back.
/// </summary>
public sealed partial class OutboundDialer
{
    private readonly SipUserAgent _agent;
    private readonly OutboundOptions _options;
    private readonly DigestCredentials? _credentials;
    private readonly CallMedia _media;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Dials through <paramref name="agent"/> as <paramref name="options"/> say, answering challenges with <paramref name="credentials"/>;
    /// legs take their RTP ports, clock and offer settings from <paramref name="media"/>, like inbound calls.</summary>
    public OutboundDialer(SipUserAgent agent, OutboundOptions options, DigestCredentials? credentials, CallMedia media, TimeProvider time, ILogger logger)
    {
        _agent = agent;
        _options = options;
        _credentials = credentials;
        _media = media;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Rings <paramref name="destination"/> for at most <paramref name="ringTimeout"/> (then CANCEL). Busy for 486, 600 and 603;
    /// NoAnswer for 408, 480 and the ring time running out; Failed with the status line (or the local reason) otherwise.
    /// Cancelling <paramref name="ct"/> (the caller hung up, another leg answered) sends CANCEL and throws
    /// <see cref="OperationCanceledException"/>; a 2xx that crosses the CANCEL is acknowledged and hung up.
    /// </summary>
    public async Task<LegAttempt> DialAsync(Destination destination, TimeSpan ringTimeout, CancellationToken ct)
    {
        SipUri uri;
        SipDestination hop;
        ISipTransport transport;
        try
        {
            uri = _options.UriFor(destination);
            hop = await NextHop.ResolveAsync(uri, ct);
            transport = _agent.Transactions.Transport.TransportFor(hop);
        }
        catch (Exception e) when (e is ArgumentException or SocketException or InvalidOperationException)
        {
            return Failed(destination, e.Message);
        }

        RtpSession? media;
        try
        {
            media = RtpSession.Open(_media.Ports, _media.Clock, new RtpSessionOptions { Logger = _media.Logger }, CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            return Failed(destination, e.Message);
        }

        try
        {
            var address = _media.AddressFor(new SipSource(transport, hop.EndPoint));
            var offerAnswer = new OfferAnswerSession(_media.OfferAnswer, address, (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue));
            var invite = Invite(uri, destination, hop, address.ToString(), SdpWriter.WriteUtf8(offerAnswer.CreateOffer(media.LocalPort)));
            using var ringing = new CancellationTokenSource(ringTimeout, _time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(ringing.Token, ct);
            var result = await _agent.InviteAsync(invite, hop, null, either.Token);
            if (result.Response.StatusCode is 401 or 407 && _credentials is { } credentials
                && DigestAuthentication.Retry(invite, result.Response, credentials) is { } retry)
            {
                result = await _agent.InviteAsync(retry, hop, null, either.Token);
            }

            ct.ThrowIfCancellationRequested();
            var response = result.Response;
            LogFinal(_logger, destination, response.StatusCode, response.Reason);
            if (result.Dialog is not { } dialog)
            {
                return new LegAttempt(Classify(response, ringing.IsCancellationRequested, ringTimeout), null);
            }

            if (dialog.IsEnded)
            {
                return NotAnswered(ringTimeout);
            }

            var answer = SdpParser.Parse(response.Body.Span) is { Description: { } description }
                ? offerAnswer.TakeAnswer(description)
                : null;
            if (answer?.Audio is not { } audio)
            {
                await _agent.HangUpAsync(dialog, CancellationToken.None);
                return Failed(destination, $"answered without usable SDP ({answer?.Error ?? "no SDP answer in the 2xx"})");
            }

            media.Start(audio);
            var leg = new OutboundLeg(_agent, destination, dialog, media);
            media = null;
            return new LegAttempt(new CallControlResult(CallControlOutcome.Succeeded, AnsweredBy: destination), leg);
        }
        finally
        {
            if (media is not null)
            {
                await media.DisposeAsync();
            }
        }
    }

    private static CallControlResult Classify(SipResponse response, bool rangOut, TimeSpan ringTimeout) => response.StatusCode switch
    {
        487 when rangOut => new CallControlResult(CallControlOutcome.NoAnswer, NoAnswerReason(ringTimeout)),
        401 or 407 => new CallControlResult(CallControlOutcome.Failed,
            $"{response.StatusCode} {response.Reason} (the challenge could not be answered: check Sip:Outbound:AuthUser and PasswordEnv)"),
        _ => SipOutcomes.ForStatus(response.StatusCode, response.Reason),
    };

    private static LegAttempt NotAnswered(TimeSpan ringTimeout) =>
        new(new CallControlResult(CallControlOutcome.NoAnswer, NoAnswerReason(ringTimeout)), null);

    private static string NoAnswerReason(TimeSpan ringTimeout) =>
        string.Create(CultureInfo.InvariantCulture, $"not answered within {ringTimeout.TotalSeconds:0.#} s");

    private static LegAttempt Failed(Destination destination, string reason) =>
        new(new CallControlResult(CallControlOutcome.Failed, $"cannot dial {destination}: {reason}"), null);

    // localHost: this side's address toward the callee, for From (when neither a domain nor a proxy is set) and the Call-ID.
    private SipRequest Invite(SipUri uri, Destination destination, SipDestination hop, string localHost, byte[] offer)
    {
        var invite = new SipRequest(SipMethods.Invite, uri) { Body = offer };
        invite.Headers.Add(HeaderNames.From, _options.FromAddress(localHost).WithTag(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))).ToString());
        invite.Headers.Add(HeaderNames.To, new NameAddr(destination.DisplayName, uri, new SipParameters()).ToString());
        invite.Headers.Add(HeaderNames.CallId, $"{Guid.NewGuid():N}@{localHost}");
        invite.Headers.Add(HeaderNames.CSeq, new CSeq(1, SipMethods.Invite).ToString());
        invite.Headers.Add(HeaderNames.Contact, $"<{_agent.ContactFor(hop, _options.FromUser)}>");
        invite.Headers.Add(HeaderNames.ContentType, "application/sdp");
        return invite;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound leg to {Destination}: {Status} {Reason}")]
    private static partial void LogFinal(ILogger logger, Destination destination, int status, string reason);
}
