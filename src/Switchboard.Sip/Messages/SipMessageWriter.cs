using System.Buffers;
using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>
/// Writes a message to wire bytes. Received header fields are copied byte for byte; Content-Length always states the
/// body's true length (kept as received when it already does, corrected in place otherwise, appended when missing).
/// </summary>
public static class SipMessageWriter
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    /// <summary>The message as a new byte array.</summary>
    public static byte[] ToBytes(SipMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + message.Body.Length);
        Write(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the message to <paramref name="output"/>.</summary>
    public static void Write(SipMessage message, IBufferWriter<byte> output)
    {
        switch (message)
        {
            case SipRequest request:
                WriteText(output, $"{request.Method} {request.RequestUri} {request.Version}");
                break;
            case SipResponse response:
                WriteText(output, $"{response.Version} {response.StatusCode.ToString(CultureInfo.InvariantCulture)} {response.Reason}");
                break;
        }

        output.Write(Crlf);
        var bodyLength = message.Body.Length;
        var lengthWritten = false;
        foreach (var header in message.Headers)
        {
            if (header.Is(HeaderNames.ContentLength))
            {
                if (lengthWritten)
                {
                    continue;
                }

                lengthWritten = true;
                if (header.Value != bodyLength.ToString(CultureInfo.InvariantCulture))
                {
                    WriteText(output, $"{header.Name}: {bodyLength.ToString(CultureInfo.InvariantCulture)}");
                    output.Write(Crlf);
                    continue;
                }
            }

            if (header.Raw is { } raw)
            {
                output.Write(raw.Span);
            }
            else
            {
                WriteText(output, header.Name);
                output.Write(": "u8);
                WriteText(output, header.Value);
            }

            output.Write(Crlf);
        }

        if (!lengthWritten)
        {
            WriteText(output, $"{HeaderNames.ContentLength}: {bodyLength.ToString(CultureInfo.InvariantCulture)}");
            output.Write(Crlf);
        }

        output.Write(Crlf);
        output.Write(message.Body.Span);
    }

    private static void WriteText(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
    }
}
