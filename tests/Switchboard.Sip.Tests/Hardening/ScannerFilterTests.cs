using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Hardening;

public sealed class ScannerFilterTests
{
    [Theory]
    [InlineData("friendly-scanner", false)]
    [InlineData("sipvicious-0.3.4", false)]
    [InlineData("VaxSIPUserAgent/3.1", false)]
    [InlineData("3CXPhoneSystem 18.0.9.20", true)]
    public async Task Requests_from_known_scanners_get_no_answer_at_all(string userAgent, bool answered)
    {
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404));
        await using var peer = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);

        await peer.SendAsync(Wire.Bytes(Wire.Options.Replace("Max-Forwards: 70", $"Max-Forwards: 70\nUser-Agent: {userAgent}", StringComparison.Ordinal)));

        Assert.Equal(answered, await peer.ReceiveAsync(TimeSpan.FromMilliseconds(answered ? 5000 : 300)) is not null);
        Assert.Equal(0, answered ? 0 : agent.Transactions.ServerCount);
    }
}
