using System.Net;

namespace Switchboard.Sip.Transports;

/// <summary>Where a message came from (transport and remote address), which is where its answer goes back.</summary>
/// <param name="Transport">The transport it arrived on.</param>
/// <param name="Remote">The source address and port.</param>
public sealed record SipSource(ISipTransport Transport, IPEndPoint Remote)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Transport.Protocol.ToString().ToLowerInvariant()}:{Remote}";
}
