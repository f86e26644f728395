using System.Net;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transports;

/// <summary>Turns a SIP URI into the address to send to (RFC 3263 without NAPTR/SRV): maddr or host, its A/AAAA records, the port or 5060, the transport parameter or UDP.</summary>
public static class NextHop
{
    /// <summary>Resolves <paramref name="uri"/>; throws <see cref="ArgumentException"/> for a URI that is not SIP.</summary>
    public static async Task<SipDestination> ResolveAsync(AddressUri uri, CancellationToken cancellationToken = default)
    {
        if (uri is not SipUri sip)
        {
            throw new ArgumentException($"Cannot send to '{uri}': not a SIP URI.", nameof(uri));
        }

        var protocol = sip.Transport?.ToUpperInvariant() switch
        {
            "TCP" => SipTransportProtocol.Tcp,
            "TLS" => SipTransportProtocol.Tls,
            _ => sip.IsSecure ? SipTransportProtocol.Tls : SipTransportProtocol.Udp,
        };
        var host = sip.Parameters["maddr"] ?? sip.Host.Host;
        var port = sip.Host.Port ?? (protocol == SipTransportProtocol.Tls ? 5061 : 5060);
        if (!IPAddress.TryParse(host, out var address))
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            address = addresses.FirstOrDefault() ?? throw new ArgumentException($"'{host}' has no address.", nameof(uri));
        }

        return new SipDestination(protocol, new IPEndPoint(address, port));
    }
}
