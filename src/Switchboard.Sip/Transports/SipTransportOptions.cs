namespace Switchboard.Sip.Transports;

/// <summary>How the transport layer addresses itself and its peers.</summary>
public sealed record SipTransportOptions
{
    /// <summary>The host put in Via and Contact (a public name or address behind NAT); null uses the local address that reaches the peer.</summary>
    public string? AdvertisedHost { get; init; }

    /// <summary>
    /// Send UDP responses to the source port even when the request's Via has no rport (what Asterisk calls force_rport):
    /// it is what reaches peers behind NAT. Off gives strict RFC 3261 §18.2.2 (the sent-by port).
    /// </summary>
    public bool SymmetricResponses { get; init; } = true;
}
