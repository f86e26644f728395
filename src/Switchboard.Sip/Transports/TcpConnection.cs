using System.Net;
using System.Net.Sockets;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transports;

/// <summary>One TCP connection: frames the byte stream into messages by Content-Length and serialises sends.</summary>
internal sealed class TcpConnection(Socket socket, IPEndPoint remote) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>The peer.</summary>
    public IPEndPoint Remote { get; } = remote;

    /// <summary>Reads until the peer closes, the connection idles out, a message cannot be framed, or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(TcpTransport transport, SipParserLimits limits, TcpOptions options, TimeProvider time, Action<ReceivedMessage> receive, CancellationToken stopping)
    {
        var buffer = new byte[4096];
        var filled = 0;
        using var idle = new CancellationTokenSource(options.IdleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, idle.Token);
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= limits.MaxMessageBytes + 4096)
                    {
                        return;
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limits.MaxMessageBytes + 4096));
                }

                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, linked.Token);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                while (filled > 0)
                {
                    var result = SipMessageParser.Parse(buffer.AsSpan(0, filled), SipFraming.Stream, limits);
                    if (result.Status == SipParseStatus.Rejected && result.Rejection!.Kind == SipRejectionKind.Unframeable)
                    {
                        receive(new ReceivedMessage(result, transport, Remote));
                        return;
                    }

                    if (result.Status != SipParseStatus.Incomplete)
                    {
                        idle.CancelAfter(options.IdleTimeout);
                        receive(new ReceivedMessage(result, transport, Remote));
                    }

                    Buffer.BlockCopy(buffer, result.Consumed, buffer, 0, filled - result.Consumed);
                    filled -= result.Consumed;
                    if (result.Status == SipParseStatus.Incomplete)
                    {
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Writes one whole message; concurrent sends never interleave.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            while (!message.IsEmpty)
            {
                var sent = await socket.SendAsync(message, SocketFlags.None, cancellationToken);
                message = message[sent..];
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        socket.Dispose();
        _sendLock.Dispose();
    }
}
