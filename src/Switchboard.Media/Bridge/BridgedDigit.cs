using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Bridge;

/// <summary>A key pressed on one leg of a bridge, for in-call feature codes (an agent's *5).</summary>
/// <param name="Leg">The session the key was heard on.</param>
/// <param name="Event">The key press.</param>
public readonly record struct BridgedDigit(RtpSession Leg, DtmfEvent Event);
