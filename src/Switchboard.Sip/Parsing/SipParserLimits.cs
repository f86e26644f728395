namespace Switchboard.Sip.Parsing;

/// <summary>Size limits that bound the memory one message may take; a message over them is rejected, not buffered.</summary>
public sealed record SipParserLimits
{
    /// <summary>The defaults: 64 KiB per message, 16 KiB of start line and headers, 200 header fields.</summary>
    public static SipParserLimits Default { get; } = new();

    /// <summary>Largest whole message (headers and body) accepted.</summary>
    public int MaxMessageBytes { get; init; } = 65_535;

    /// <summary>Largest start line plus header section accepted.</summary>
    public int MaxHeaderBytes { get; init; } = 16_384;

    /// <summary>Most header fields (lines, not values) accepted.</summary>
    public int MaxHeaderFields { get; init; } = 200;
}
