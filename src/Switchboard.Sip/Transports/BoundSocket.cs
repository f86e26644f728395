using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sip.Transports;

/// <summary>Opens a socket bound to a listen address, dual-mode when bound to the IPv6 any-address, for the UDP and TCP transports.</summary>
internal static class BoundSocket
{
    public static Socket Create(IPEndPoint bind, SocketType type, ProtocolType protocol)
    {
        var socket = new Socket(bind.AddressFamily, type, protocol);
        if (bind.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.DualMode = bind.Address.Equals(IPAddress.IPv6Any);
        }

        socket.Bind(bind);
        return socket;
    }
}
