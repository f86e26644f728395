using System.Globalization;
using System.Net;

namespace Switchboard.Sip.Transports;

/// <summary>Where to listen, written <c>udp:0.0.0.0:5060</c>, <c>tcp:[::1]:5060</c> (port 0 picks a free port).</summary>
/// <param name="Protocol">The transport.</param>
/// <param name="EndPoint">Address and port to bind.</param>
public sealed record SipListenAddress(SipTransportProtocol Protocol, IPEndPoint EndPoint)
{
    /// <summary>Parses <c>transport:address:port</c>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static SipListenAddress Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var protocol = colon < 0 ? null : text[..colon].ToUpperInvariant() switch
        {
            "UDP" => (SipTransportProtocol?)SipTransportProtocol.Udp,
            "TCP" => SipTransportProtocol.Tcp,
            _ => null,
        };
        if (protocol is null || !IPEndPoint.TryParse(text[(colon + 1)..], out var endPoint) || !text[(colon + 1)..].Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not a SIP listen address; write udp:ADDRESS:PORT or tcp:ADDRESS:PORT, e.g. udp:0.0.0.0:5060 or tcp:[::]:5060");
        }

        return new SipListenAddress(protocol.Value, endPoint);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Protocol.ToString().ToLowerInvariant()}:{EndPoint.ToString()}";

    /// <summary>The port as text, for logs.</summary>
    public string PortText => EndPoint.Port.ToString(CultureInfo.InvariantCulture);
}
