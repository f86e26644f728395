using Switchboard.Calls;

namespace Switchboard.Telephony.Sip.Calls;

/// <summary>Call control the SIP front-end does not do yet: routing to other destinations, blind transfer and bridging.</summary>
public sealed partial class SipCall
{
    /// <inheritdoc/>
    public Task<CallControlResult> RouteToAsync(RouteRequest request, CancellationToken ct) =>
        NotYet($"route to {string.Join(", ", request.Destinations)}", ct);

    /// <inheritdoc/>
    public Task<CallControlResult> ReplaceWithAsync(Destination destination, CancellationToken ct) =>
        NotYet($"transfer to {destination}", ct);

    /// <inheritdoc/>
    public Task<CallControlResult> BridgeAsync(ICall other, CancellationToken ct) =>
        NotYet($"bridge with call {other.Id}", ct);

    private Task<CallControlResult> NotYet(string what, CancellationToken ct)
    {
        ThrowIfEnded(ct);
        var result = new CallControlResult(CallControlOutcome.NotSupported, $"the SIP front-end does not do this yet: {what}");
        Journal.Add(CallEventKind.Control, $"{what}: {result.Outcome} ({result.Reason})");
        return Task.FromResult(result);
    }
}
