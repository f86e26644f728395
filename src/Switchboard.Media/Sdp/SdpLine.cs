namespace Switchboard.Media.Sdp;

/// <summary>An SDP line the model keeps as written (<c>b=</c>, <c>i=</c>, <c>u=</c>, <c>e=</c>, <c>p=</c>, <c>r=</c>, <c>z=</c>, <c>k=</c>), so a description survives a round trip.</summary>
public sealed record SdpLine(char Type, string Value);
