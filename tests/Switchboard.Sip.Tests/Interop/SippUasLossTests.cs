using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Interop;

/// <summary>The stack places calls to SIPp over UDP while both sides lose 10% of their messages.</summary>
[Trait("Category", Categories.Interop)]
public sealed class SippUasLossTests
{
    [Fact]
    public async Task Calls_the_stack_places_through_10_percent_Loss_on_both_sides_all_complete_through_retransmissions()
    {
        const int calls = 20;
        var udp = new UdpTransport(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, NullLogger<UdpTransport>.Instance);
        var lossy = new LossyTransport(udp, 0.10, seed: 5);
        // Loopback timers (RFC 3261 §17.1.1.1 lets a network with small round trips use a smaller T1; T2 may be smaller
        // too): a BYE is retried a dozen times within its 6.4 s timeout, all while SIPp still remembers the call.
        var timers = new SipTimers { T1 = TimeSpan.FromMilliseconds(100), T2 = TimeSpan.FromMilliseconds(400) };
        await using var agent = SipUserAgent.Start(new SipUserAgentOptions { Timers = timers }, [lossy], new RejectingRequestHandler(404), TimeProvider.System, NullLoggerFactory.Instance);
        var scenario = Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", "uas-lossy.xml");
        var (sipp, port) = await Sipp.StartServerAsync("u1", scenario, "-m", $"{calls}", "-max_retrans", "10", "-default_behaviors", "all,-abortunexp");
        using var _ = sipp;
        var target = new SipDestination(SipTransportProtocol.Udp, new IPEndPoint(IPAddress.Loopback, port));

        var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(i => TestUac.CallAsync(agent, target, $"callee{i}", TimeSpan.FromSeconds(1))));
        var sippResult = await Sipp.WaitAsync(sipp, TimeSpan.FromSeconds(30));

        Assert.True(results.All(r => r == (200, 200)) && sippResult.ExitCode == 0, $"the stack saw {string.Join(", ", results)}\n{sippResult}");
        Assert.True(lossy.DroppedSent > 0 && lossy.DroppedReceived > 0, $"the stack dropped {lossy.DroppedSent} sent and {lossy.DroppedReceived} received messages");
        Assert.Equal(0, agent.Dialogs.Count);
    }
}
