using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sip.Transports;

/// <summary>
/// The local address the routing table picks toward each peer address, for Via sent-by and Contact when listening on an
/// any-address (0.0.0.0 or ::) that must never be advertised. Asked once per peer address (a probe socket is connected,
/// which sends nothing), then kept; at most <see cref="Capacity"/> peers are kept, and the cache starts over when full.
/// </summary>
internal sealed class LocalAddressCache(Func<IPAddress, IPAddress> probe)
{
    /// <summary>How many peer addresses are remembered at most.</summary>
    public const int Capacity = 4096;

    private static readonly IPAddress AnyV4Peer = IPAddress.Parse("192.0.2.1");
    private static readonly IPAddress AnyV6Peer = IPAddress.Parse("2001:db8::1");
    private readonly ConcurrentDictionary<IPAddress, IPAddress> _byPeer = new();

    /// <summary>A cache over the kernel's routing table.</summary>
    public LocalAddressCache()
        : this(Probe)
    {
    }

    /// <summary>The address to advertise on a transport bound to <paramref name="bound"/> toward <paramref name="peer"/> (null: any peer of that family).</summary>
    public IPAddress For(IPAddress bound, IPAddress? peer)
    {
        if (!bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            return bound;
        }

        var target = peer ?? (bound.AddressFamily == AddressFamily.InterNetworkV6 ? AnyV6Peer : AnyV4Peer);
        if (_byPeer.TryGetValue(target, out var known))
        {
            return known;
        }

        if (_byPeer.Count >= Capacity)
        {
            _byPeer.Clear();
        }

        IPAddress local;
        try
        {
            local = probe(target);
        }
        catch (SocketException) when (peer is null)
        {
            local = bound.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback;
        }

        _byPeer[target] = local;
        return local;
    }

    private static IPAddress Probe(IPAddress peer)
    {
        using var probe = new Socket(peer.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(new IPEndPoint(peer, 5060));
        var local = ((IPEndPoint)probe.LocalEndPoint!).Address;
        return local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local;
    }
}
