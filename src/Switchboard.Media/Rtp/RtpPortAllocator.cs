using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Rtp;

/// <summary>Hands out RTP/RTCP socket pairs from the configured range, skipping ports other programs hold, and takes them
/// back when the call's <see cref="RtpPorts"/> is disposed.</summary>
public sealed class RtpPortAllocator
{
    private readonly Queue<int> _free = new();
    private readonly Lock _lock = new();
    private readonly RtpPortRange _range;
    private readonly IPAddress _address;

    /// <summary>Allocates pairs from <paramref name="range"/>, binding to <paramref name="address"/>.</summary>
    public RtpPortAllocator(RtpPortRange range, IPAddress address)
    {
        _range = range;
        _address = address;
        for (var port = range.First; port + 1 <= range.Last; port += 2)
        {
            _free.Enqueue(port);
        }
    }

    /// <summary>Pairs not handed out.</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>Binds the next free pair. Throws <see cref="InvalidOperationException"/> when every pair is taken or held by another program.</summary>
    public RtpPorts Allocate()
    {
        int attempts;
        lock (_lock)
        {
            attempts = _free.Count;
        }

        for (var i = 0; i < attempts; i++)
        {
            int port;
            lock (_lock)
            {
                if (!_free.TryDequeue(out port))
                {
                    break;
                }
            }

            Socket? rtp = null, rtcp = null;
            try
            {
                rtp = Bind(port);
                rtcp = Bind(port + 1);
                return new RtpPorts(port, rtp, rtcp, Release);
            }
            catch (SocketException)
            {
                rtp?.Dispose();
                rtcp?.Dispose();
                Release(port);
            }
        }

        throw new InvalidOperationException($"no free RTP port pair in {_range.First}-{_range.Last} on {_address}");
    }

    private Socket Bind(int port)
    {
        var socket = new Socket(_address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(_address, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Release(int port)
    {
        lock (_lock)
        {
            _free.Enqueue(port);
        }
    }
}

/// <summary>One call's bound RTP and RTCP sockets; disposing closes them and returns the ports to the range.</summary>
public sealed class RtpPorts : IDisposable
{
    private readonly Action<int> _release;
    private int _disposed;

    internal RtpPorts(int rtpPort, Socket rtp, Socket rtcp, Action<int> release)
    {
        RtpPort = rtpPort;
        Rtp = rtp;
        Rtcp = rtcp;
        _release = release;
    }

    /// <summary>The RTP port (even); RTCP is on the next.</summary>
    public int RtpPort { get; }

    /// <summary>The bound RTP socket.</summary>
    public Socket Rtp { get; }

    /// <summary>The bound RTCP socket.</summary>
    public Socket Rtcp { get; }

    /// <summary>Closes both sockets and frees the pair; safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Rtp.Dispose();
            Rtcp.Dispose();
            _release(RtpPort);
        }
    }
}
