namespace Switchboard.Media.Sdp;

/// <summary>The outcome of parsing an SDP body: the description, or why it was rejected and on which line.</summary>
public sealed class SdpParseResult
{
    private SdpParseResult(SessionDescription? description, string? error, int errorLine)
    {
        Description = description;
        Error = error;
        ErrorLine = errorLine;
    }

    /// <summary>The parsed description when the body was complete and valid.</summary>
    public SessionDescription? Description { get; }

    /// <summary>Why the body was rejected (fit for a SIP Warning header), or null.</summary>
    public string? Error { get; }

    /// <summary>The 1-based line the rejection refers to, 0 when it concerns the whole body.</summary>
    public int ErrorLine { get; }

    /// <summary>True when <see cref="Description"/> holds the parsed body.</summary>
    public bool IsComplete => Description is not null;

    internal static SdpParseResult Complete(SessionDescription description) => new(description, null, 0);

    internal static SdpParseResult Rejected(int line, string error) =>
        new(null, line > 0 ? $"line {line}: {error}" : error, line);
}
