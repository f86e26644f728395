using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Clock;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Control;

namespace Switchboard.Telephony.Sip.Tests.Control;

/// <summary>A user agent, a media clock and a small RTP port range on loopback, and dialers over them; SIPp callees started from the scenarios here.</summary>
internal sealed class DialerFixture : IAsyncDisposable
{
    public const int PortPairs = 4;
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);

    public DialerFixture()
    {
        Agent = TestAgent.Start(new RejectingRequestHandler(404));
        Ports = LoopbackPorts.Allocator(PortPairs).Allocator;
        Media = new LegMedia(Ports, _clock, IPAddress.Loopback);
    }

    public SipUserAgent Agent { get; }

    public RtpPortAllocator Ports { get; }

    public LegMedia Media { get; }

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Control", "Scenarios", name);

    /// <summary>A SIPp callee running <paramref name="scenario"/> (built-in <c>uas</c> or a file here) once, on UDP with its own media port.</summary>
    public static async Task<(Process Sipp, int Port)> CalleeAsync(string scenario)
    {
        var media = 2 * Random.Shared.Next(15000, 30000);
        return await Sipp.StartServerAsync("u1", scenario == "uas" ? scenario : Scenario(scenario), "-m", "1", "-mp", $"{media}");
    }

    public OutboundDialer Dialer(OutboundOptions? options = null, DigestCredentials? credentials = null) =>
        new(Agent, options ?? new OutboundOptions(), credentials, Media, TimeProvider.System, NullLogger.Instance);

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        _clock.Dispose();
    }
}
