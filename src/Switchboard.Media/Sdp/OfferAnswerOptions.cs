using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>How Switchboard negotiates audio: which G.711 law it prefers, DTMF events, packet time, and how it names itself.</summary>
public sealed record OfferAnswerOptions
{
    /// <summary>Codecs in order of preference; the answer picks the first one the offer has.</summary>
    public IReadOnlyList<AudioCodec> Codecs { get; init; } = [AudioCodec.Pcmu, AudioCodec.Pcma];

    /// <summary>Whether to negotiate RFC 4733 telephone-event (DTMF as RTP events).</summary>
    public bool TelephoneEvents { get; init; } = true;

    /// <summary>The payload type offered for telephone-event (answers reuse the offer's number).</summary>
    public int TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>The packet time offered, and used when an offer says none (ms).</summary>
    public int PtimeMs { get; init; } = 20;

    /// <summary>The o= user name.</summary>
    public string Username { get; init; } = "switchboard";

    /// <summary>The s= line.</summary>
    public string SessionName { get; init; } = "Switchboard";
}
