using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>A raw SIP peer for tests: sends exact bytes over a real UDP socket or TCP connection and reads what comes back.</summary>
internal sealed class SipTestClient : IAsyncDisposable
{
    private readonly UdpClient? _udp;
    private readonly TcpClient? _tcp;
    private readonly IPEndPoint _server;
    private byte[] _buffer = new byte[65_536];
    private int _filled;

    private SipTestClient(IPEndPoint server, UdpClient? udp, TcpClient? tcp)
    {
        _server = server;
        _udp = udp;
        _tcp = tcp;
    }

    public static SipTestClient Udp(IPEndPoint server) => new(server, new UdpClient(new IPEndPoint(server.Address, 0)), null);

    public static async Task<SipTestClient> TcpAsync(IPEndPoint server)
    {
        var tcp = new TcpClient(server.AddressFamily);
        await tcp.ConnectAsync(server);
        return new SipTestClient(server, null, tcp);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)(_udp?.Client.LocalEndPoint ?? _tcp!.Client.LocalEndPoint!);

    public async Task SendAsync(byte[] bytes)
    {
        if (_udp is not null)
        {
            await _udp.SendAsync(bytes, _server);
        }
        else
        {
            await _tcp!.GetStream().WriteAsync(bytes);
        }
    }

    /// <summary>The next message, or null when nothing arrives within <paramref name="wait"/> (or the connection closed).</summary>
    public async Task<SipMessage?> ReceiveAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            if (_udp is not null)
            {
                var datagram = await _udp.ReceiveAsync(timeout.Token);
                return Lenient(datagram.Buffer, SipMessageParser.Parse(datagram.Buffer, SipFraming.Datagram));
            }

            while (true)
            {
                var result = SipMessageParser.Parse(_buffer.AsSpan(0, _filled), SipFraming.Stream);
                if (result.Status != SipParseStatus.Incomplete)
                {
                    var message = Lenient(_buffer.AsSpan(0, _filled).ToArray(), result);
                    Buffer.BlockCopy(_buffer, result.Consumed, _buffer, 0, _filled - result.Consumed);
                    _filled -= result.Consumed;
                    return message;
                }

                var read = await _tcp!.GetStream().ReadAsync(_buffer.AsMemory(_filled), timeout.Token);
                if (read == 0)
                {
                    return null;
                }

                _filled += read;
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The message, or for an answer to a malformed request (which echoes the broken To or lacks From) a response
    /// holding just the status line: the stack copies what it was sent, as RFC 3261 §8.2.6 says.
    /// </summary>
    private static SipMessage? Lenient(byte[] bytes, SipParseResult result)
    {
        if (result.Message is not null || result.Rejection is not { IsRequest: false })
        {
            return result.Message;
        }

        var statusLine = Encoding.UTF8.GetString(bytes, 0, Array.IndexOf(bytes, (byte)'\r')).Split(' ', 3);
        return new SipResponse(int.Parse(statusLine[1], CultureInfo.InvariantCulture), statusLine[2]);
    }

    /// <summary>The first final response (provisional ones skipped), or null.</summary>
    public async Task<SipResponse?> ReceiveFinalAsync(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (await ReceiveAsync(deadline - DateTime.UtcNow) is not SipResponse response)
            {
                return null;
            }

            if (response.StatusCode >= 200)
            {
                return response;
            }
        }

        return null;
    }

    /// <summary>True when the server closed the TCP connection within <paramref name="wait"/>.</summary>
    public async Task<bool> ClosedWithinAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                if (await _tcp!.GetStream().ReadAsync(_buffer.AsMemory(_filled), timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _udp?.Dispose();
        _tcp?.Dispose();
        _buffer = [];
        return ValueTask.CompletedTask;
    }
}
