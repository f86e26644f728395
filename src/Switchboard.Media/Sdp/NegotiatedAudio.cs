using System.Net;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>What offer/answer settled for the call's audio stream: what the RTP session needs to send and receive.</summary>
public sealed record NegotiatedAudio
{
    /// <summary>The position of the audio stream among the m= lines.</summary>
    public required int MediaIndex { get; init; }

    /// <summary>The voice codec.</summary>
    public required AudioCodec Codec { get; init; }

    /// <summary>The payload type the voice travels with.</summary>
    public required int PayloadType { get; init; }

    /// <summary>The RFC 4733 telephone-event payload type, or null when DTMF events were not agreed.</summary>
    public int? TelephoneEventPayloadType { get; init; }

    /// <summary>The packet time (ms), 10 to 60.</summary>
    public required int PtimeMs { get; init; }

    /// <summary>Which way media flows, seen from Switchboard.</summary>
    public required MediaDirection Direction { get; init; }

    /// <summary>Where to send RTP, or null when the peer receives nothing (held with 0.0.0.0).</summary>
    public IPEndPoint? RemoteRtp { get; init; }

    /// <summary>Where to send RTCP (a=rtcp, else the RTP port + 1), or null with <see cref="RemoteRtp"/>.</summary>
    public IPEndPoint? RemoteRtcp { get; init; }
}
