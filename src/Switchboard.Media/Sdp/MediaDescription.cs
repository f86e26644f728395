using System.Globalization;

namespace Switchboard.Media.Sdp;

/// <summary>One <c>m=</c> section of an SDP description: a stream's type, port, transport, formats and attributes.</summary>
public sealed class MediaDescription
{
    /// <summary>The media type: <c>audio</c>, <c>video</c>, <c>image</c> (T.38), <c>application</c>…</summary>
    public required string Media { get; init; }

    /// <summary>The transport port; 0 marks a rejected or disabled stream.</summary>
    public required int Port { get; set; }

    /// <summary>The number of ports when the m= line says <c>port/count</c>, else null.</summary>
    public int? PortCount { get; init; }

    /// <summary>The transport protocol, e.g. <c>RTP/AVP</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary>The formats in the order written; for RTP, payload type numbers.</summary>
    public List<string> Formats { get; init; } = [];

    /// <summary>The stream's own <c>c=</c> line, overriding the session's.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The stream's <c>a=</c> lines in order.</summary>
    public List<SdpAttributeLine> Attributes { get; init; } = [];

    /// <summary>The stream's other lines (<c>i=</c>, <c>b=</c>, <c>k=</c>) in order.</summary>
    public List<SdpLine> OtherLines { get; init; } = [];

    /// <summary>True when the stream is disabled (port 0).</summary>
    public bool IsRejected => Port == 0;

    /// <summary>The value of the first attribute with that name, or null (also null for a property attribute).</summary>
    public string? Attribute(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>True when an attribute of that name is present.</summary>
    public bool HasAttribute(string name) =>
        Attributes.Any(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The direction attribute of the stream, or null when it has none.</summary>
    public MediaDirection? Direction =>
        Attributes.Select(a => MediaDirections.FromAttribute(a.Name)).FirstOrDefault(d => d is not null);

    /// <summary>What payload type <paramref name="format"/> carries: its rtpmap, else its static meaning, else null.</summary>
    public RtpMap? RtpMapFor(string format)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == "rtpmap" && attribute.Value is not null
                && attribute.Value.StartsWith(format + " ", StringComparison.Ordinal))
            {
                return RtpMap.Parse(attribute.Value);
            }
        }

        return int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var payloadType)
            ? RtpMap.ForStaticPayloadType(payloadType)
            : null;
    }

    /// <summary>The format parameters (<c>a=fmtp</c>) of <paramref name="format"/>, or null.</summary>
    public string? FormatParameters(string format)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == "fmtp" && attribute.Value is not null
                && attribute.Value.StartsWith(format + " ", StringComparison.Ordinal))
            {
                return attribute.Value[(format.Length + 1)..].Trim();
            }
        }

        return null;
    }

    /// <summary>A number-valued attribute such as <c>ptime</c>, or null when absent or not a number.</summary>
    public int? NumberAttribute(string name) =>
        int.TryParse(Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
