using System.Globalization;
using System.Text;

namespace Switchboard.Media.Sdp;

/// <summary>Parses an SDP body (RFC 8866) from bytes into a <see cref="SessionDescription"/>, or rejects it with a reason.</summary>
/// <remarks>Lenient where peers commonly are sloppy (LF-only line ends, trailing blanks, a missing <c>s=</c> or
/// <c>t=</c>, unknown line types, which are kept) and strict where a guess would lose the call (no <c>v=0</c>,
/// no <c>o=</c>, malformed <c>o=</c>/<c>c=</c>/<c>m=</c> lines, a live stream without an address).</remarks>
public static class SdpParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses a whole SDP body.</summary>
    public static SdpParseResult Parse(ReadOnlySpan<byte> body)
    {
        SdpOrigin? origin = null;
        var description = new SessionDescription { Origin = null! };
        MediaDescription? media = null;
        var lineNumber = 0;
        var sawVersion = false;

        while (!body.IsEmpty)
        {
            lineNumber++;
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            line = line.TrimEnd("\r \t"u8);
            if (line.IsEmpty)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != (byte)'=' || line[0] < (byte)'a' || line[0] > (byte)'z')
            {
                return SdpParseResult.Rejected(lineNumber, "expected a line of the form x=value");
            }

            var type = (char)line[0];
            string value;
            try
            {
                value = StrictUtf8.GetString(line[2..]);
            }
            catch (DecoderFallbackException)
            {
                return SdpParseResult.Rejected(lineNumber, "the line is not valid UTF-8");
            }

            if (!sawVersion)
            {
                if (type != 'v' || value != "0")
                {
                    return SdpParseResult.Rejected(lineNumber, "an SDP body must start with v=0");
                }

                sawVersion = true;
                continue;
            }

            string? error;
            switch (type)
            {
                case 'v':
                    return SdpParseResult.Rejected(lineNumber, "v= appears more than once");
                case 'o' when media is null:
                    (origin, error) = ParseOrigin(value);
                    break;
                case 's' when media is null:
                    description.SessionName = value;
                    error = null;
                    break;
                case 't' when media is null:
                    description.Timing = value;
                    error = null;
                    break;
                case 'c':
                    (var connection, error) = ParseConnection(value);
                    if (media is null)
                    {
                        description.Connection = connection;
                    }
                    else
                    {
                        media.Connection = connection;
                    }

                    break;
                case 'm':
                    (media, error) = ParseMedia(value);
                    if (media is not null)
                    {
                        description.Media.Add(media);
                    }

                    break;
                case 'a':
                    var attribute = ParseAttribute(value);
                    (media?.Attributes ?? description.Attributes).Add(attribute);
                    error = null;
                    break;
                case 'o' or 's' or 't':
                    error = $"{type}= belongs before the first m= line";
                    break;
                default:
                    (media?.OtherLines ?? description.OtherLines).Add(new SdpLine(type, value));
                    error = null;
                    break;
            }

            if (error is not null)
            {
                return SdpParseResult.Rejected(lineNumber, error);
            }
        }

        if (!sawVersion)
        {
            return SdpParseResult.Rejected(0, "the SDP body is empty");
        }

        if (origin is null)
        {
            return SdpParseResult.Rejected(0, "the SDP body has no o= line");
        }

        description.Origin = origin;
        for (var i = 0; i < description.Media.Count; i++)
        {
            if (!description.Media[i].IsRejected && description.ConnectionFor(description.Media[i]) is null)
            {
                return SdpParseResult.Rejected(0, $"m= line {i + 1} has no connection address (c=)");
            }
        }

        return SdpParseResult.Complete(description);
    }

    private static (SdpOrigin?, string?) ParseOrigin(string value)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            return (null, "o= needs six fields: username sess-id sess-version nettype addrtype address");
        }

        if (!ulong.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return (null, "the o= session version is not a number");
        }

        return (new SdpOrigin(fields[0], fields[1], version, new SdpConnection(fields[3], fields[4], fields[5])), null);
    }

    private static (SdpConnection?, string?) ParseConnection(string value)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 3
            ? (new SdpConnection(fields[0], fields[1], fields[2]), null)
            : (null, "c= needs three fields: nettype addrtype address");
    }

    private static (MediaDescription?, string?) ParseMedia(string value)
    {
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 3)
        {
            return (null, "m= needs at least: media port proto");
        }

        var portText = fields[1].AsSpan();
        int? portCount = null;
        var slash = portText.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(portText[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                return (null, "the m= port count is not a positive number");
            }

            portCount = count;
            portText = portText[..slash];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return (null, "the m= port is not a number from 0 to 65535");
        }

        if (fields.Length == 3 && port != 0)
        {
            return (null, "m= lists no formats");
        }

        return (new MediaDescription
        {
            Media = fields[0],
            Port = port,
            PortCount = portCount,
            Protocol = fields[2],
            Formats = [.. fields.Skip(3)],
        }, null);
    }

    private static SdpAttributeLine ParseAttribute(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new SdpAttributeLine(value) : new SdpAttributeLine(value[..colon], value[(colon + 1)..]);
    }
}
