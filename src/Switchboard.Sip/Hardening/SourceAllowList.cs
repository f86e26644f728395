using System.Net;

namespace Switchboard.Sip.Hardening;

/// <summary>The networks (CIDRs) allowed to start calls without authentication; every other source gets 403 for INVITE.</summary>
public sealed class SourceAllowList
{
    private readonly IPNetwork[] _networks;

    /// <summary>Builds the list from CIDR texts (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>, or a bare address for one host).</summary>
    /// <exception cref="FormatException">An entry is not a CIDR or address; the message names it.</exception>
    public SourceAllowList(IEnumerable<string> cidrs)
    {
        _networks = [.. cidrs.Select(Parse)];
    }

    /// <summary>Loopback and the private ranges where PBXs usually live.</summary>
    public static IReadOnlyList<string> PrivateNetworks { get; } =
        ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

    /// <summary>The networks, as configured.</summary>
    public IReadOnlyList<IPNetwork> Networks => _networks;

    /// <summary>True when <paramref name="address"/> is inside one of the networks.</summary>
    public bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return _networks.Any(n => n.Contains(address));
    }

    private static IPNetwork Parse(string cidr)
    {
        var text = cidr.Trim();
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var single))
        {
            return new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new FormatException($"'{cidr}' is not a network in CIDR form (e.g. 192.168.1.0/24) or an IP address");
    }
}
