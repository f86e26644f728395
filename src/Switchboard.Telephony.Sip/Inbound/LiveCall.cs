namespace Switchboard.Telephony.Sip.Inbound;

/// <summary>A call in progress as the server's live view shows it (<c>GET /calls</c>).</summary>
/// <param name="Id">The call id (as in the logs and the <c>calls</c> table).</param>
/// <param name="SipCallId">The SIP Call-ID of the INVITE.</param>
/// <param name="App">The app the call runs.</param>
/// <param name="Caller">The raw From header.</param>
/// <param name="Called">The number dialled.</param>
/// <param name="Started">When the INVITE arrived.</param>
public sealed record LiveCall(string Id, string SipCallId, string App, string Caller, string Called, DateTimeOffset Started);
