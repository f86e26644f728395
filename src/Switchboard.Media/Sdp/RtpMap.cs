using System.Globalization;

namespace Switchboard.Media.Sdp;

/// <summary>What an RTP payload type number carries: <c>a=rtpmap:101 telephone-event/8000</c>, or a static type's RFC 3551 meaning.</summary>
public sealed record RtpMap(int PayloadType, string EncodingName, int ClockRate, int Channels = 1)
{
    /// <summary>Parses the value of an <c>a=rtpmap</c> attribute, or returns null if it is malformed.</summary>
    public static RtpMap? Parse(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !TryParseNumber(value.AsSpan(0, space), out var payloadType) || payloadType > 127)
        {
            return null;
        }

        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0 || !TryParseNumber(parts[1], out var clockRate))
        {
            return null;
        }

        var channels = 1;
        if (parts.Length > 2 && !TryParseNumber(parts[2], out channels))
        {
            return null;
        }

        return new RtpMap(payloadType, parts[0], clockRate, channels);
    }

    /// <summary>The meaning RFC 3551 gives a static payload type, for offers that leave out its rtpmap.</summary>
    public static RtpMap? ForStaticPayloadType(int payloadType) => payloadType switch
    {
        0 => new RtpMap(0, "PCMU", 8000),
        3 => new RtpMap(3, "GSM", 8000),
        4 => new RtpMap(4, "G723", 8000),
        8 => new RtpMap(8, "PCMA", 8000),
        9 => new RtpMap(9, "G722", 8000),
        13 => new RtpMap(13, "CN", 8000),
        18 => new RtpMap(18, "G729", 8000),
        _ => null,
    };

    /// <summary>True when this is the named encoding at the given clock rate (names compare without case).</summary>
    public bool Is(string encodingName, int clockRate) =>
        ClockRate == clockRate && string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The attribute value, <c>101 telephone-event/8000</c>.</summary>
    public string ToAttributeValue() => Channels == 1
        ? $"{PayloadType} {EncodingName}/{ClockRate}"
        : $"{PayloadType} {EncodingName}/{ClockRate}/{Channels}";

    private static bool TryParseNumber(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
