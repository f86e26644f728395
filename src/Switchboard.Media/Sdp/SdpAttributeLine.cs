namespace Switchboard.Media.Sdp;

/// <summary>An SDP <c>a=</c> line: a property (<c>a=sendonly</c>, <c>Value</c> null) or a value (<c>a=ptime:20</c>).</summary>
public sealed record SdpAttributeLine(string Name, string? Value = null)
{
    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
