using System.Net;
using System.Net.Sockets;

namespace Switchboard.Testing.Network;

/// <summary>Loopback ports no socket holds right now, for peers that must be told their port before they start.</summary>
public static class FreePorts
{
    /// <summary>A UDP port on 127.0.0.1 the system just handed out and released.</summary>
    public static int Udp()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
