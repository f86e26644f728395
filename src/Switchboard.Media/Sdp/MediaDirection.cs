namespace Switchboard.Media.Sdp;

/// <summary>Which way media flows on a stream, from the point of view of the side that wrote the description.</summary>
public enum MediaDirection
{
    /// <summary>Both ways (the default).</summary>
    SendRecv,

    /// <summary>This side sends only (the other side is held, or listens to music on hold).</summary>
    SendOnly,

    /// <summary>This side receives only.</summary>
    RecvOnly,

    /// <summary>No media either way.</summary>
    Inactive,
}

/// <summary>Names and the offer/answer mirror of <see cref="MediaDirection"/>.</summary>
public static class MediaDirections
{
    /// <summary>The attribute name (<c>sendrecv</c>, <c>sendonly</c>, <c>recvonly</c>, <c>inactive</c>).</summary>
    public static string AttributeName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>The direction seen from the other side: what one sends, the other receives (RFC 3264 §6.1).</summary>
    public static MediaDirection Mirror(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => MediaDirection.RecvOnly,
        MediaDirection.RecvOnly => MediaDirection.SendOnly,
        _ => direction,
    };

    /// <summary>The direction an attribute names, or null when it names none.</summary>
    public static MediaDirection? FromAttribute(string name) => name switch
    {
        "sendrecv" => MediaDirection.SendRecv,
        "sendonly" => MediaDirection.SendOnly,
        "recvonly" => MediaDirection.RecvOnly,
        "inactive" => MediaDirection.Inactive,
        _ => null,
    };

    /// <summary>True when this side sends media in that direction.</summary>
    public static bool Sends(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>True when this side receives media in that direction.</summary>
    public static bool Receives(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;
}
