using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Switchboard.Media.Sessions;

/// <summary>How an <see cref="RtpSession"/> behaves beyond what offer/answer settled.</summary>
public sealed record RtpSessionOptions
{
    /// <summary>Send back to where the peer's packets come from rather than where its SDP says (phones behind NAT).</summary>
    public bool SymmetricRtp { get; init; } = true;

    /// <summary>When to run the in-band DTMF detector on received audio.</summary>
    public InBandDtmf InBandDtmf { get; init; } = InBandDtmf.WhenNoTelephoneEvent;

    /// <summary>Send encoded silence while nothing plays, keeping NAT bindings open and RTP-timeout watchdogs (Asterisk's rtptimeout) quiet; false sends nothing.</summary>
    public bool SilenceWhenIdle { get; init; } = true;

    /// <summary>The mean time between RTCP reports (RFC 3550 suggests 5 s); each interval is randomised between half and one and a half times this.</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An RFC 4733 event not heard from for this long is taken as ended (its end packets were lost).</summary>
    public TimeSpan TelephoneEventTimeout { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The RTCP canonical name; null makes a random one per session (RFC 7022).</summary>
    public string? Cname { get; init; }

    /// <summary>Where the session reports trouble that does not end the call (a failing sink).</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}

/// <summary>When an <see cref="RtpSession"/> looks for DTMF tones in the audio it receives.</summary>
public enum InBandDtmf
{
    /// <summary>Only when the peer did not agree to RFC 4733 telephone events (it can only send tones).</summary>
    WhenNoTelephoneEvent,

    /// <summary>Always (trunks that agree to telephone-event but still send tones).</summary>
    Always,

    /// <summary>Never.</summary>
    Never,
}
