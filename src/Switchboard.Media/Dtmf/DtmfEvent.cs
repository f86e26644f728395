namespace Switchboard.Media.Dtmf;

/// <summary>A key press seen on a call: reported once when it starts and once when it ends, with how it arrived.</summary>
/// <param name="Digit">The key: 0–9, *, #, A–D.</param>
/// <param name="Kind">Start or end of the press.</param>
/// <param name="Duration">How long the key was held; zero at the start.</param>
/// <param name="Source">RFC 4733 events, SIP INFO, or tones in the audio.</param>
public readonly record struct DtmfEvent(char Digit, DtmfEventKind Kind, TimeSpan Duration, DtmfSource Source);

/// <summary>Whether a <see cref="DtmfEvent"/> reports the start or the end of a key press.</summary>
public enum DtmfEventKind
{
    /// <summary>The key went down.</summary>
    Started,

    /// <summary>The key came up (or its end was inferred after a timeout).</summary>
    Ended,
}

/// <summary>How a key press reached Switchboard.</summary>
public enum DtmfSource
{
    /// <summary>RTP telephone-event packets (RFC 4733).</summary>
    Rfc4733,

    /// <summary>A SIP INFO request.</summary>
    SipInfo,

    /// <summary>Tones in the voice audio, found by the in-band detector.</summary>
    InBand,
}
