namespace Switchboard.Media.Sdp;

/// <summary>An SDP <c>o=</c> line: who made the description, and which version of it this is.</summary>
/// <param name="Username">The user name, <c>-</c> when there is none.</param>
/// <param name="SessionId">The session id, kept as written (some peers send more digits than 64 bits hold).</param>
/// <param name="SessionVersion">Raised by the writer each time the description changes.</param>
/// <param name="Connection">Network type, address type and address of the originator.</param>
public sealed record SdpOrigin(string Username, string SessionId, ulong SessionVersion, SdpConnection Connection);
