namespace Switchboard.Calls;

/// <summary>Where a caller-id value came from; apps pick sources in a configured order.</summary>
public enum CallerIdSource
{
    /// <summary>The SIP <c>From</c> header (set by the caller's device; may be anything).</summary>
    SipFrom,

    /// <summary>The SIP <c>P-Asserted-Identity</c> header (RFC 3325, asserted by a trusted network).</summary>
    PAssertedIdentity,

    /// <summary>The SIP <c>Remote-Party-ID</c> header (the older draft; may carry <c>privacy=full</c>).</summary>
    RemotePartyId,

    /// <summary>The SIP <c>Diversion</c> header (RFC 5806): who forwarded the call to us, not the caller.</summary>
    Diversion,

    /// <summary>Twilio's <c>From</c> webhook parameter.</summary>
    TwilioFrom,

    /// <summary>Twilio's <c>Caller</c> webhook parameter.</summary>
    TwilioCaller,

    /// <summary>Twilio's <c>ForwardedFrom</c> webhook parameter: who forwarded the call, not the caller.</summary>
    TwilioForwardedFrom,
}
