using Switchboard.Calls;
using Switchboard.Telephony.Sip.Control;

namespace Switchboard.Telephony.Sip.Tests.Control;

public sealed class OutboundDialerFailureTests : IAsyncDisposable
{
    private readonly DialerFixture _fixture = new();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Theory]
    [InlineData("201", "cannot dial 201: '201' needs a PBX or trunk to dial through, and Sip:Outbound:Proxy is not set.")]
    [InlineData("not a number", "cannot dial not a number: 'not a number' is neither a SIP URI nor an extension or number (digits, letters, + * # . - _).")]
    public async Task An_undialable_destination_fails_with_the_reason_and_takes_no_rtp_port(string target, string reason)
    {
        var attempt = await _fixture.Dialer().DialAsync(new Destination(target), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(new LegAttempt(new CallControlResult(CallControlOutcome.Failed, reason), null), attempt);
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }

    [Fact]
    public async Task A_route_without_destinations_fails()
    {
        var outcome = await RouteAttempt.RingAsync(_fixture.Dialer(), new RouteRequest { Destinations = [] }, CancellationToken.None);

        Assert.Equal(new CallControlResult(CallControlOutcome.Failed, "no destinations to ring"), outcome.Result);
        Assert.Null(outcome.Winner);
    }
}
