namespace Switchboard.Media.Clock;

/// <summary>Something that sends one packet per period (a call's outgoing RTP), driven by the shared <see cref="MediaClock"/>.</summary>
public interface IPacedSender
{
    /// <summary>Sends what is due at <paramref name="due"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp). Runs on the clock's thread: must not block.</summary>
    void Tick(long due);
}
