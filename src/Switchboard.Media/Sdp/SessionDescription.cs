namespace Switchboard.Media.Sdp;

/// <summary>An SDP description (RFC 8866): the session lines and the media streams in the order written.</summary>
public sealed class SessionDescription
{
    /// <summary>The <c>o=</c> line.</summary>
    public required SdpOrigin Origin { get; set; }

    /// <summary>The <c>s=</c> line; <c>-</c> when the writer has nothing to say.</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>The session-level <c>c=</c> line, used by every stream without its own.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The <c>t=</c> line; <c>0 0</c> (unbounded) for calls.</summary>
    public string Timing { get; set; } = "0 0";

    /// <summary>The session-level <c>a=</c> lines in order.</summary>
    public List<SdpAttributeLine> Attributes { get; init; } = [];

    /// <summary>The session-level lines the model does not interpret, in order.</summary>
    public List<SdpLine> OtherLines { get; init; } = [];

    /// <summary>The <c>m=</c> sections in order.</summary>
    public List<MediaDescription> Media { get; init; } = [];

    /// <summary>The session-level direction attribute, or null.</summary>
    public MediaDirection? Direction =>
        Attributes.Select(a => MediaDirections.FromAttribute(a.Name)).FirstOrDefault(d => d is not null);

    /// <summary>The connection that applies to <paramref name="media"/>: its own, else the session's.</summary>
    public SdpConnection? ConnectionFor(MediaDescription media) => media.Connection ?? Connection;

    /// <summary>The direction that applies to <paramref name="media"/>: its own attribute, else the session's, else sendrecv.</summary>
    public MediaDirection DirectionFor(MediaDescription media) => media.Direction ?? Direction ?? MediaDirection.SendRecv;
}
