using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>Tells from the kernel's socket tables when a peer process has bound its port, so a test never races the peer's start.</summary>
internal static class ListeningSockets
{
    public const string Udp = "/proc/net/udp";
    public const string Tcp = "/proc/net/tcp";

    /// <summary>
    /// Waits until a socket listens on <paramref name="port"/> in <paramref name="table"/>; fails if <paramref name="peer"/> exits
    /// or <paramref name="limit"/> passes, with what <paramref name="output"/> gives (by default the peer's stderr).
    /// </summary>
    public static async Task WaitAsync(string table, int port, Process peer, TimeSpan limit, Func<Task<string>>? output = null)
    {
        output ??= () => peer.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!IsBound(table, port))
        {
            if (peer.HasExited)
            {
                throw new InvalidOperationException($"{peer.StartInfo.FileName} exited ({peer.ExitCode}) before listening on port {port}: {await output()}");
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"{peer.StartInfo.FileName} did not listen on port {port} ({table}) within {limit.TotalSeconds} s.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>A UDP port on loopback that was free a moment ago, for a peer to bind.</summary>
    public static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    private static bool IsBound(string table, int port)
    {
        // Each line: "sl local_address rem_address st ..."; local_address is HEXIP:HEXPORT, st 0A is TCP LISTEN, 07 an unconnected UDP socket.
        var listening = table == Tcp ? "0A" : "07";
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3 && fields[3] == listening &&
                int.Parse(fields[1].AsSpan(fields[1].IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            {
                return true;
            }
        }

        return false;
    }
}
