using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Rtp;
using Switchboard.Numbers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Calls;
using Switchboard.Telephony.Sip.Inbound;
using Switchboard.Telephony.Sip.Media;
using Switchboard.Telephony.Sip.Routing;

namespace Switchboard.Telephony.Sip.Tests.TestPeers;

/// <summary>
/// The SIP front-end in process on loopback: a user agent whose INVITEs go to <see cref="InboundCalls"/>, which runs the test's
/// script as the app <c>script</c> through the real flow host. Every call it took is in <see cref="Calls"/>.
/// </summary>
internal sealed class CallServer : IAsyncDisposable
{
    private static int s_nextRange;
    private readonly PromptFolder _prompts;
    private readonly MediaClock _clock;

    private CallServer(Func<ICall, CancellationToken, Task> script, IReadOnlyList<SipRoute> routes, SipRoute? fallback, PromptFolder prompts)
    {
        _prompts = prompts;
        _clock = new MediaClock((_, _) => { }, new MediaClockOptions { Threads = 1, Priority = ClockPriority.Normal });
        var first = 40000 + (Interlocked.Increment(ref s_nextRange) % 50 * 100);
        Media = new CallMedia(new RtpPortRange(first, first + 19), IPAddress.Loopback, _clock, new PromptCache(), prompts.Library);
        var catalog = new FlowCatalog().Add(PromptFolder.App, _ => new ScriptFlow(this, script));
        var host = new FlowHost(new ConfigurationBuilder().Build(), catalog, NullLogger<FlowHost>.Instance);
        Inbound = new InboundCalls(new SipRouter(routes, fallback, NumberPlan.Default, "NL"), host, Media, TimeProvider.System, NullLoggerFactory.Instance);
        Agent = SipUserAgent.Start(new SipUserAgentOptions { Listen = [SipListenAddress.Parse("udp:127.0.0.1:0")] }, Inbound, TimeProvider.System, NullLoggerFactory.Instance);
        Inbound.Attach(Agent);
    }

    public SipUserAgent Agent { get; }

    public InboundCalls Inbound { get; }

    public CallMedia Media { get; }

    /// <summary>Each call as its app starts.</summary>
    public Channel<SipCall> Calls { get; } = Channel.CreateUnbounded<SipCall>();

    /// <summary>The pairs free when no call is up.</summary>
    public int IdlePorts => Media.Range.PairCount;

    public SipDestination Address => new(SipTransportProtocol.Udp, Agent.Transports[0].LocalEndPoint);

    /// <summary>A server whose every call runs <paramref name="script"/>, with prompts <c>hello</c> (0.3 s) and <c>long</c> (5 s).</summary>
    public static CallServer Start(Func<ICall, CancellationToken, Task> script, IReadOnlyList<SipRoute>? routes = null, SipRoute? fallback = null) =>
        new(script, routes ?? [new SipRoute(SipRoute.Any, PromptFolder.App)], fallback,
            new PromptFolder(("hello", TimeSpan.FromMilliseconds(300)), ("long", TimeSpan.FromSeconds(5))));

    /// <summary>The next call the server took, once its app runs.</summary>
    public async Task<SipCall> NextCallAsync() => await Calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Waits until the server holds no call, no dialog and no RTP port, and <paramref name="call"/>'s media has closed.</summary>
    public async Task AssertReleasedAsync(SipCall call)
    {
        await call.Media.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.Holds(() => Inbound.Active.Count == 0 && Agent.Dialogs.Count == 0 && Media.Ports.Available == IdlePorts,
            $"the call is released (calls {Inbound.Active.Count}, dialogs {Agent.Dialogs.Count}, free pairs {Media.Ports.Available} of {IdlePorts})");
        Assert.Equal(0, Inbound.RtpPortsInUse);
    }

    public async ValueTask DisposeAsync()
    {
        await Inbound.DrainAsync(TimeSpan.Zero, CancellationToken.None);
        await Agent.DisposeAsync();
        _clock.Dispose();
        _prompts.Dispose();
    }

    private sealed class ScriptFlow(CallServer server, Func<ICall, CancellationToken, Task> script) : ICallFlow
    {
        public Task RunAsync(ICall call, CancellationToken ct)
        {
            server.Calls.Writer.TryWrite((SipCall)call);
            return script(call, ct);
        }
    }
}
