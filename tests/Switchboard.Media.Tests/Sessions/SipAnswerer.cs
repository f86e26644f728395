using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>The SIP side of a media interop test, in a few lines of text on a loopback UDP socket: takes a real caller's
/// INVITE, answers its offer through <see cref="OfferAnswerSession"/> for an <see cref="RtpSession"/>, and accepts the
/// caller's BYE. Only what SIPp and baresip need for one call; SIP itself is tested in Switchboard.Sip.Tests.</summary>
internal sealed class SipAnswerer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private (byte[] Message, EndPoint To)? _answer;

    public SipAnswerer() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>Where callers send their INVITE.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}";

    /// <summary>Answers the next INVITE for <paramref name="media"/>, starts it with what was agreed, and waits for the ACK.</summary>
    public async Task<(SessionDescription Offer, OfferAnswerResult Result)> AnswerAsync(RtpSession media, OfferAnswerOptions? options = null)
    {
        var invite = await ReceiveAsync("INVITE");
        var parsed = SdpParser.Parse(Encoding.UTF8.GetBytes(invite.Body));
        Assert.True(parsed.IsComplete, parsed.Error);
        var result = new OfferAnswerSession(options ?? new OfferAnswerOptions(), IPAddress.Loopback, 7).Answer(parsed.Description!, media.LocalPort);
        Assert.True(result.IsAccepted, result.Error);
        media.Start(result.Audio!);
        _answer = (Ok(invite, SdpWriter.Write(result.Answer!)), invite.From);
        await _socket.SendToAsync(_answer.Value.Message, _answer.Value.To);
        await ReceiveAsync("ACK");
        return (parsed.Description!, result);
    }

    /// <summary>Waits for the caller's BYE and confirms it.</summary>
    public async Task AcceptByeAsync()
    {
        var bye = await ReceiveAsync("BYE");
        await _socket.SendToAsync(Ok(bye, body: null), bye.From);
    }

    public void Dispose() => _socket.Dispose();

    // The next request with that method; on the way, a retransmitted INVITE gets the answer again.
    private async Task<Request> ReceiveAsync(string method)
    {
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            var request = Request.Read(Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), received.RemoteEndPoint);
            if (request.Method == method)
            {
                return request;
            }

            if (request.Method == "INVITE" && _answer is { } answer)
            {
                await _socket.SendToAsync(answer.Message, answer.To);
            }
        }
    }

    private byte[] Ok(Request request, string? body)
    {
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var name in new[] { "Via", "From", "To", "Call-ID", "CSeq" })
        {
            var value = request.Header(name);
            response.Append(name).Append(": ").Append(value);
            if (name == "To" && !value.Contains("tag=", StringComparison.Ordinal))
            {
                response.Append(";tag=media-test");
            }

            response.Append("\r\n");
        }

        response.Append("Contact: <sip:media-test@").Append(Address).Append(">\r\n");
        if (body is not null)
        {
            response.Append("Content-Type: application/sdp\r\n");
        }

        body ??= "";
        response.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body);
        return Encoding.UTF8.GetBytes(response.ToString());
    }

    /// <summary>A SIP request as SIPp and baresip write it: one header per line (full names), the body after the blank line.</summary>
    private sealed record Request(string Method, string[] Headers, string Body, EndPoint From)
    {
        public static Request Read(string text, EndPoint from)
        {
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var lines = text[..split].Split("\r\n");
            return new Request(lines[0].Split(' ')[0], lines[1..], text[(split + 4)..], from);
        }

        public string Header(string name) =>
            Headers.First(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();
    }
}
