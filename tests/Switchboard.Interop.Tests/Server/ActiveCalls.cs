using System.Text.Json;

namespace Switchboard.Interop.Tests.Server;

/// <summary>What <c>GET /calls</c> reports: the calls in progress and the RTP port pairs they hold.</summary>
public sealed record ActiveCalls(JsonElement[] Calls, int RtpPortsInUse)
{
    /// <inheritdoc />
    public override string ToString() => $"{Calls.Length} call(s), {RtpPortsInUse} RTP port pair(s) in use: [{string.Join(", ", Calls.Select(c => c.GetRawText()))}]";
}
