using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>The SIP side of a media interop test, in a few lines of text on a loopback UDP socket: answers a real caller's
/// INVITE, or calls a real callee, with the offer/answer of <see cref="OfferAnswerSession"/> for an <see cref="RtpSession"/>.
/// Only what SIPp and baresip need for one call; SIP itself is tested in Switchboard.Sip.Tests.</summary>
internal sealed class SipSignalling : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retransmission = TimeSpan.FromMilliseconds(500);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly OfferAnswerSession _offerAnswer = new(new OfferAnswerOptions(), IPAddress.Loopback, 7);
    private (byte[] Message, EndPoint To)? _answer;
    private Message? _dialog;
    private EndPoint? _callee;

    public SipSignalling() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    /// <summary>Where callers send their INVITE.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}";

    /// <summary>Answers the next INVITE for <paramref name="media"/>, starts it with what was agreed, and waits for the ACK.</summary>
    public async Task<(SessionDescription Offer, OfferAnswerResult Result)> AnswerAsync(RtpSession media)
    {
        var invite = await ReceiveRequestAsync("INVITE");
        var offer = Parse(invite.Body);
        var result = _offerAnswer.Answer(offer, media.LocalPort);
        Assert.True(result.IsAccepted, result.Error);
        media.Start(result.Audio!);
        _answer = (Ok(invite, SdpWriter.Write(result.Answer!)), invite.From);
        await _socket.SendToAsync(_answer.Value.Message, _answer.Value.To);
        await ReceiveRequestAsync("ACK");
        return (offer, result);
    }

    /// <summary>Waits for the caller's BYE and confirms it.</summary>
    public async Task AcceptByeAsync()
    {
        var bye = await ReceiveRequestAsync("BYE");
        await _socket.SendToAsync(Ok(bye, body: null), bye.From);
    }

    /// <summary>Calls <paramref name="callee"/> with an offer for <paramref name="media"/> (sent again until the callee, which
    /// may still be starting, responds), takes the answer of its 200 OK, starts the session with it, and acknowledges.</summary>
    public async Task<(SessionDescription Answer, OfferAnswerResult Result)> CallAsync(IPEndPoint callee, RtpSession media)
    {
        _callee = callee;
        var offer = SdpWriter.Write(_offerAnswer.CreateOffer(media.LocalPort));
        var invite = Request("INVITE", 1, offer, toTag: null);
        using var timeout = new CancellationTokenSource(Patience);
        Message response;
        do
        {
            await _socket.SendToAsync(invite, callee);
            response = await ReceiveAsync(m => m.StartLine.StartsWith("SIP/2.0 ", StringComparison.Ordinal), Retransmission, timeout.Token)
                ?? new Message("", [], "", callee);
        }
        while (!response.StartLine.StartsWith("SIP/2.0 2", StringComparison.Ordinal));

        _dialog = response;
        var answer = Parse(response.Body);
        var result = _offerAnswer.TakeAnswer(answer);
        Assert.True(result.IsAccepted, result.Error);
        media.Start(result.Audio!);
        await _socket.SendToAsync(Request("ACK", 1, body: null, ToTag()), callee);
        return (answer, result);
    }

    /// <summary>Ends the call placed by <see cref="CallAsync"/> and waits for the callee's 200.</summary>
    public async Task HangUpAsync()
    {
        await _socket.SendToAsync(Request("BYE", 2, body: null, ToTag()), _callee!);
        using var timeout = new CancellationTokenSource(Patience);
        await ReceiveAsync(m => m.StartLine.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && m.Header("CSeq").EndsWith("BYE", StringComparison.Ordinal), Patience, timeout.Token);
    }

    public void Dispose() => _socket.Dispose();

    private static SessionDescription Parse(string body)
    {
        var parsed = SdpParser.Parse(Encoding.UTF8.GetBytes(body));
        Assert.True(parsed.IsComplete, parsed.Error);
        return parsed.Description!;
    }

    // The next request with that method; on the way, a retransmitted INVITE gets the answer again.
    private async Task<Message> ReceiveRequestAsync(string method)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var request = (await ReceiveAsync(_ => true, Patience, timeout.Token))!;
            if (request.StartLine.StartsWith(method + " ", StringComparison.Ordinal))
            {
                return request;
            }

            if (request.StartLine.StartsWith("INVITE ", StringComparison.Ordinal) && _answer is { } answer)
            {
                await _socket.SendToAsync(answer.Message, answer.To);
            }
        }
    }

    // The next message that is wanted, or null when none came within `wait`.
    private async Task<Message?> ReceiveAsync(Func<Message, bool> wanted, TimeSpan wait, CancellationToken cancellation)
    {
        var buffer = new byte[8192];
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        window.CancelAfter(wait);
        while (true)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), window.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return null;
            }

            var message = Message.Read(Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), received.RemoteEndPoint);
            if (wanted(message))
            {
                return message;
            }
        }
    }

    private string ToTag() => _dialog!.Header("To")[(_dialog.Header("To").IndexOf("tag=", StringComparison.Ordinal) + 4)..];

    private byte[] Request(string method, int sequence, string? body, string? toTag)
    {
        var target = $"sip:echo@{_callee}";
        var text = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" SIP/2.0\r\n")
            .Append("Via: SIP/2.0/UDP ").Append(Address).Append(";branch=z9hG4bK-media-").Append(method).Append("\r\n")
            .Append("From: <sip:media-test@").Append(Address).Append(">;tag=media-test\r\n")
            .Append("To: <").Append(target).Append('>').Append(toTag is null ? "" : ";tag=" + toTag).Append("\r\n")
            .Append("Call-ID: media-test@127.0.0.1\r\n")
            .Append("CSeq: ").Append(sequence).Append(' ').Append(method).Append("\r\n")
            .Append("Contact: <sip:media-test@").Append(Address).Append(">\r\n")
            .Append("Max-Forwards: 70\r\n");
        return Finish(text, body);
    }

    private byte[] Ok(Message request, string? body)
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
        return Finish(response, body);
    }

    private static byte[] Finish(StringBuilder message, string? body)
    {
        if (body is not null)
        {
            message.Append("Content-Type: application/sdp\r\n");
        }

        body ??= "";
        message.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body);
        return Encoding.UTF8.GetBytes(message.ToString());
    }

    /// <summary>A SIP message as SIPp and baresip write it: one header per line (full names), the body after the blank line.</summary>
    private sealed record Message(string StartLine, string[] Headers, string Body, EndPoint From)
    {
        public static Message Read(string text, EndPoint from)
        {
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var lines = text[..split].Split("\r\n");
            return new Message(lines[0], lines[1..], text[(split + 4)..], from);
        }

        public string Header(string name) =>
            Headers.First(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();
    }
}
