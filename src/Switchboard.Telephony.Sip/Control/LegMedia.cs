using System.Net;
using Switchboard.Media.Clock;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>What an outbound leg's audio is made from: the RTP port range, the shared media clock, the address its SDP offer names.</summary>
/// <param name="Ports">Where the leg's RTP session binds its port pair.</param>
/// <param name="Clock">The clock that paces the leg's RTP.</param>
/// <param name="SdpAddress">The address written in the offer's o= and c= lines.</param>
public sealed record LegMedia(RtpPortAllocator Ports, MediaClock Clock, IPAddress SdpAddress)
{
    /// <summary>Codec preference, telephone-event, packet time of the offer.</summary>
    public OfferAnswerOptions OfferAnswer { get; init; } = new();

    /// <summary>How the leg's RTP session behaves.</summary>
    public RtpSessionOptions Rtp { get; init; } = new();
}
