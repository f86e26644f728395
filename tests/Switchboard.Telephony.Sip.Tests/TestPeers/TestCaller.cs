using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Clock;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Telephony.Sip.Tests.TestPeers;

/// <summary>A phone built on the SIP stack and an RTP session: places calls to a <see cref="CallServer"/>, keys digits, hangs up.</summary>
internal sealed class TestCaller : IAsyncDisposable
{
    private static int s_nextRange;
    private readonly MediaClock _clock = new((_, _) => { }, new MediaClockOptions { Threads = 1, Priority = ClockPriority.Normal });
    private readonly RtpPortAllocator _ports;

    public TestCaller()
    {
        var first = 46000 + (Interlocked.Increment(ref s_nextRange) % 50 * 100);
        _ports = new RtpPortAllocator(new RtpPortRange(first, first + 19), IPAddress.Loopback);
        Agent = SipUserAgent.Start(new SipUserAgentOptions { Listen = [SipListenAddress.Parse("udp:127.0.0.1:0")] },
            Invited, TimeProvider.System, NullLoggerFactory.Instance);
    }

    public SipUserAgent Agent { get; }

    /// <summary>The INVITEs this phone was sent (a divert's 302 sends the caller here); each is refused with 486 Busy Here.</summary>
    public InviteRecorder Invited { get; } = new();

    /// <summary>
    /// Calls <paramref name="user"/> at <paramref name="server"/> from <paramref name="from"/> with an SDP offer (PCMU, PCMA,
    /// telephone-event unless <paramref name="telephoneEvents"/> is false); <paramref name="edit"/> may change the INVITE first.
    /// </summary>
    public async Task<CallerLeg> CallAsync(SipDestination server, string user = "+31201234567", string from = "<sip:+31201234567@127.0.0.1>",
        Action<SipRequest>? edit = null, bool telephoneEvents = true, CancellationToken cancel = default)
    {
        var media = RtpSession.Open(_ports, _clock, cancellation: CancellationToken.None);
        var offerAnswer = new OfferAnswerSession(new OfferAnswerOptions { TelephoneEvents = telephoneEvents }, IPAddress.Loopback, 7);
        var transport = Agent.Transactions.Transport.TransportFor(server);
        var invite = new SipRequest(SipMethods.Invite, new SipUri(false, user, new HostPort(server.EndPoint.Address.ToString(), server.EndPoint.Port)));
        invite.Headers.Add(HeaderNames.From, $"{from};tag={Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        invite.Headers.Add(HeaderNames.To, $"<{invite.RequestUri}>");
        invite.Headers.Add(HeaderNames.CallId, $"{Guid.NewGuid():N}@127.0.0.1");
        invite.Headers.Add(HeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(HeaderNames.Contact, $"<{Agent.ContactFor(transport, "caller")}>");
        invite.Headers.Add(HeaderNames.ContentType, "application/sdp");
        invite.Body = SdpWriter.WriteUtf8(offerAnswer.CreateOffer(media.LocalPort));
        edit?.Invoke(invite);
        var result = await Agent.InviteAsync(invite, server, null, cancel).WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
        var leg = new CallerLeg(Agent, result, media, offerAnswer);
        if (result.Dialog is not null)
        {
            leg.Start(result.Response);
        }

        return leg;
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        _clock.Dispose();
    }
}

/// <summary>One call placed by a <see cref="TestCaller"/>: its final response, dialog and audio.</summary>
internal sealed class CallerLeg(SipUserAgent agent, InviteResult result, RtpSession media, OfferAnswerSession offerAnswer) : IAsyncDisposable
{
    public InviteResult Result => result;

    public int Status => result.Response.StatusCode;

    public Switchboard.Sip.Dialogs.Dialog Dialog => result.Dialog ?? throw new InvalidOperationException($"the call was not answered ({Status})");

    public RtpSession Media => media;

    /// <summary>What the caller heard: the count of received samples louder than silence.</summary>
    public LoudnessMeter Heard { get; } = new();

    /// <summary>Starts the caller's media with the answer in <paramref name="response"/>.</summary>
    public void Start(SipResponse response)
    {
        var answer = offerAnswer.TakeAnswer(SdpParser.Parse(response.Body.Span).Description!);
        Assert.True(answer.IsAccepted, answer.Error);
        media.Sink = Heard;
        media.Start(answer.Audio!);
    }

    /// <summary>Keys <paramref name="keys"/> as RFC 4733 events, 100 ms each.</summary>
    public void Press(string keys)
    {
        foreach (var key in keys)
        {
            media.SendDigit(key, TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Sends one INFO in the dialog with <paramref name="body"/> of <paramref name="contentType"/>.</summary>
    public Task<SipResponse> InfoAsync(string contentType, string body)
    {
        var info = Dialog.CreateRequest(SipMethods.Info);
        info.Headers.Add(HeaderNames.ContentType, contentType);
        info.Body = Encoding.ASCII.GetBytes(body);
        return agent.SendInDialogAsync(Dialog, info).WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>A re-INVITE offering <paramref name="direction"/>; a 2xx's answer updates the caller's media.</summary>
    public async Task<SipResponse> ReInviteAsync(MediaDirection direction)
    {
        var invite = Dialog.CreateRequest(SipMethods.Invite);
        invite.Headers.Add(HeaderNames.Contact, $"<{agent.ContactFor(agent.Transports[0], "caller")}>");
        invite.Headers.Add(HeaderNames.ContentType, "application/sdp");
        invite.Body = SdpWriter.WriteUtf8(offerAnswer.CreateOffer(media.LocalPort, direction));
        var response = await agent.SendInDialogAsync(Dialog, invite).WaitAsync(TimeSpan.FromSeconds(10));
        if (response.IsSuccess)
        {
            var answer = offerAnswer.TakeAnswer(SdpParser.Parse(response.Body.Span).Description!);
            media.Update(answer.Audio!);
        }

        return response;
    }

    /// <summary>A re-INVITE without SDP, asking the far end for an offer (the stack's ACK carries no answer).</summary>
    public Task<SipResponse> ReInviteWithoutOfferAsync()
    {
        var invite = Dialog.CreateRequest(SipMethods.Invite);
        invite.Headers.Add(HeaderNames.Contact, $"<{agent.ContactFor(agent.Transports[0], "caller")}>");
        return agent.SendInDialogAsync(Dialog, invite).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public Task<SipResponse?> HangUpAsync() => agent.HangUpAsync(Dialog).WaitAsync(TimeSpan.FromSeconds(10));

    public ValueTask DisposeAsync() => media.DisposeAsync();
}

/// <summary>A sink that counts the received samples louder than about −40 dBFS (what a prompt sounds like, not silence).</summary>
internal sealed class LoudnessMeter : Switchboard.Media.Audio.IAudioSink
{
    private int _loud;

    public int LoudSamples => Volatile.Read(ref _loud);

    public void Write(ReadOnlySpan<short> frame)
    {
        var loud = 0;
        foreach (var sample in frame)
        {
            if (Math.Abs((int)sample) > 300)
            {
                loud++;
            }
        }

        Interlocked.Add(ref _loud, loud);
    }
}

/// <summary>Refuses every INVITE with 486 and keeps its Request-URI.</summary>
internal sealed class InviteRecorder : ISipRequestHandler
{
    private readonly List<string> _received = [];

    public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite];

    public IReadOnlyList<string> RequestUris
    {
        get { lock (_received) { return [.. _received]; } }
    }

    public Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        lock (_received)
        {
            _received.Add($"{request.Request.RequestUri}");
        }

        request.Respond(486);
        return Task.CompletedTask;
    }
}
