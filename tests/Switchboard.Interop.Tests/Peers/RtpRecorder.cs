using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;

namespace Switchboard.Interop.Tests.Peers;

/// <summary>
/// The caller's ear: a UDP socket on 127.0.0.1 whose port the caller's SDP offers, keeping every G.711 packet the server sends
/// there, and turning them back into the audio the caller heard (placed by RTP timestamp, gaps silent).
/// </summary>
public sealed class RtpRecorder : IAsyncDisposable
{
    /// <summary>Ten minutes at 8 kHz: more than any test call lasts.</summary>
    private const int MaxSamples = 8000 * 600;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly List<(RtpHeader Header, byte[] Payload)> _packets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    public RtpRecorder()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiving = ReceiveAsync();
    }

    /// <summary>The port to offer in SDP.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>How many RTP packets arrived.</summary>
    public int PacketCount
    {
        get
        {
            lock (_packets)
            {
                return _packets.Count;
            }
        }
    }

    /// <summary>
    /// The audio of the packets with <paramref name="codec"/>'s payload type, as 8 kHz linear samples from the first packet's
    /// timestamp on; other payload types (telephone-event, comfort noise) are left out.
    /// </summary>
    public short[] Audio(AudioCodec codec)
    {
        List<(RtpHeader Header, byte[] Payload)> packets;
        lock (_packets)
        {
            packets = [.. _packets.Where(p => p.Header.PayloadType == codec.PayloadType())];
        }

        if (packets.Count == 0)
        {
            return [];
        }

        // Signed distance from the first packet, so a timestamp that jumps back shows instead of wrapping around.
        var start = packets[0].Header.Timestamp;
        var placed = packets.Select(p => (Offset: unchecked((int)(p.Header.Timestamp - start)), p.Payload)).ToList();
        if (placed.FirstOrDefault(p => p.Offset < 0 || p.Offset > MaxSamples) is { Payload: not null } odd)
        {
            throw new InvalidOperationException($"An RTP timestamp is {odd.Offset} samples from the first packet's: the stream's timeline is broken.");
        }

        var samples = new short[placed.Max(p => p.Offset + p.Payload.Length)];
        foreach (var (offset, payload) in placed)
        {
            codec.Decode(payload, samples.AsSpan(offset, payload.Length));
        }

        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (RtpPacket.TryRead(buffer.AsSpan(0, length), out var header, out var payload) is null)
            {
                lock (_packets)
                {
                    _packets.Add((header, payload.ToArray()));
                }
            }
        }
    }
}
