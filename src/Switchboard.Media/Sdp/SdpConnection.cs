namespace Switchboard.Media.Sdp;

/// <summary>An SDP <c>c=</c> line: where the media goes (<c>IN IP4 192.0.2.10</c>).</summary>
/// <param name="NetworkType">Always <c>IN</c> in practice.</param>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="Address">The address as written (a host name or an address, possibly with a multicast <c>/ttl</c>).</param>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>The connection for a local IP address.</summary>
    public static SdpConnection For(System.Net.IPAddress address) =>
        new("IN", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());

    /// <summary>True for the RFC 2543 way of putting a call on hold: <c>0.0.0.0</c> (or <c>::</c>).</summary>
    public bool IsHoldAddress => Address is "0.0.0.0" or "::";
}
