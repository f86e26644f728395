namespace Switchboard.Media.Dtmf;

/// <summary>A key press found in audio: the key, start or end, and where it lies in the audio stream.</summary>
/// <param name="Digit">The key.</param>
/// <param name="Kind">Start (reported once the tone has lasted long enough) or end.</param>
/// <param name="Start">Where the tone began, from the start of the audio.</param>
/// <param name="Duration">How long the tone lasted; zero when reporting the start.</param>
public readonly record struct DtmfTone(char Digit, DtmfEventKind Kind, TimeSpan Start, TimeSpan Duration)
{
    /// <summary>The tone as a call-level key event.</summary>
    public DtmfEvent ToEvent() => new(Digit, Kind, Duration, DtmfSource.InBand);
}
