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
                WriteText(output, request.Method);
                output.Write(" "u8);
                WriteText(output, request.RequestUri.ToString());
                output.Write(" "u8);
                WriteText(output, request.Version);
                break;
            case SipResponse response:
                Span<char> code = stackalloc char[11];
                response.StatusCode.TryFormat(code, out var digits, provider: CultureInfo.InvariantCulture);
                WriteText(output, response.Version);
                output.Write(" "u8);
                WriteText(output, code[..digits]);
                output.Write(" "u8);
                WriteText(output, response.Reason);
                break;
        }

        output.Write(Crlf);
        Span<char> length = stackalloc char[11];
        message.Body.Length.TryFormat(length, out var lengthDigits, provider: CultureInfo.InvariantCulture);
        length = length[..lengthDigits];
        Span<char> scratch = stackalloc char[16];
        var lengthWritten = false;
        foreach (var header in message.Headers)
        {
            if (header.Kind == HeaderKind.ContentLength)
            {
                if (lengthWritten)
                {
                    continue;
                }

                lengthWritten = true;
                if (!header.ReadValue(scratch).SequenceEqual(length))
                {
                    WriteField(output, header.Name, length);
                    continue;
                }
            }

            if (header.Raw is { } raw)
            {
                output.Write(raw.Span);
                output.Write(Crlf);
            }
            else
            {
                WriteField(output, header.Name, header.Value);
            }
        }

        if (!lengthWritten)
        {
            WriteField(output, HeaderNames.ContentLength, length);
        }

        output.Write(Crlf);
        output.Write(message.Body.Span);
    }

    private static void WriteField(IBufferWriter<byte> output, string name, ReadOnlySpan<char> value)
    {
        WriteText(output, name);
        output.Write(": "u8);
        WriteText(output, value);
        output.Write(Crlf);
    }

    private static void WriteText(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
    }
}
