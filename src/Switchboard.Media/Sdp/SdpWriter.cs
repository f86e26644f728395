using System.Globalization;
using System.Text;

namespace Switchboard.Media.Sdp;

/// <summary>Writes a <see cref="SessionDescription"/> as an SDP body, lines in the order RFC 8866 prescribes, ended by CRLF.</summary>
public static class SdpWriter
{
    /// <summary>The body as text.</summary>
    public static string Write(SessionDescription description)
    {
        var text = new StringBuilder(512);
        Line(text, 'v', "0");
        var origin = description.Origin;
        Line(text, 'o', string.Create(CultureInfo.InvariantCulture,
            $"{origin.Username} {origin.SessionId} {origin.SessionVersion} {Connection(origin.Connection)}"));
        Line(text, 's', description.SessionName.Length == 0 ? "-" : description.SessionName);
        OtherLines(text, description.OtherLines, "iuep");
        if (description.Connection is not null)
        {
            Line(text, 'c', Connection(description.Connection));
        }

        OtherLines(text, description.OtherLines, "b");
        Line(text, 't', description.Timing);
        OtherLines(text, description.OtherLines.Where(l => !"iuepb".Contains(l.Type, StringComparison.Ordinal)), null);
        Attributes(text, description.Attributes);

        foreach (var media in description.Media)
        {
            var port = media.PortCount is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"{media.Port}/{count}")
                : media.Port.ToString(CultureInfo.InvariantCulture);
            Line(text, 'm', $"{media.Media} {port} {media.Protocol} {string.Join(' ', media.Formats)}".TrimEnd());
            OtherLines(text, media.OtherLines, "i");
            if (media.Connection is not null)
            {
                Line(text, 'c', Connection(media.Connection));
            }

            OtherLines(text, media.OtherLines.Where(l => l.Type != 'i'), null);
            Attributes(text, media.Attributes);
        }

        return text.ToString();
    }

    /// <summary>The body as UTF-8 bytes, ready for a SIP message.</summary>
    public static byte[] WriteUtf8(SessionDescription description) => Encoding.UTF8.GetBytes(Write(description));

    private static string Connection(SdpConnection connection) =>
        $"{connection.NetworkType} {connection.AddressType} {connection.Address}";

    private static void Attributes(StringBuilder text, IEnumerable<SdpAttributeLine> attributes)
    {
        foreach (var attribute in attributes)
        {
            Line(text, 'a', attribute.ToString());
        }
    }

    private static void OtherLines(StringBuilder text, IEnumerable<SdpLine> lines, string? types)
    {
        foreach (var line in lines)
        {
            if (types is null || types.Contains(line.Type, StringComparison.Ordinal))
            {
                Line(text, line.Type, line.Value);
            }
        }
    }

    private static void Line(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
