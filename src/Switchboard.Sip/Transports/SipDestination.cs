using System.Net;

namespace Switchboard.Sip.Transports;

/// <summary>Where to send a request: transport and address.</summary>
/// <param name="Protocol">The transport.</param>
/// <param name="EndPoint">The peer's address and port.</param>
public sealed record SipDestination(SipTransportProtocol Protocol, IPEndPoint EndPoint)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Protocol.ToString().ToLowerInvariant()}:{EndPoint}";
}
