using Switchboard.Media.Sessions;

namespace Switchboard.Telephony.Sip.Routing;

/// <summary>One entry of <c>Sip:Routes</c>: which calls (by the number dialled) run which app, and how their media behaves.</summary>
/// <param name="Match">The called number, Request-URI user or DID to match, or <c>*</c> for every call.</param>
/// <param name="App">The app id (<c>Apps:&lt;id&gt;</c>) the call runs.</param>
public sealed record SipRoute(string Match, string App)
{
    /// <summary>The pattern that matches every call.</summary>
    public const string Any = "*";

    /// <summary>When the caller's audio is searched for DTMF tones.</summary>
    public InBandDtmf InBandDtmf { get; init; } = InBandDtmf.WhenNoTelephoneEvent;

    /// <summary>Whether prompts played before the app answers go out as early media (183 Session Progress with SDP).</summary>
    public bool EarlyMedia { get; init; }
}
