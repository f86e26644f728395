using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Prompts;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Control;
using Switchboard.Telephony.Sip.Media;
using Switchboard.Testing;

namespace Switchboard.Telephony.Sip.Tests.Control;

/// <summary>A user agent, a media clock and a small RTP port range on loopback (as the calls' shared media), and dialers over them; SIPp callees started from the scenarios here.</summary>
internal sealed class DialerFixture : IAsyncDisposable
{
    public const int PortPairs = 4;
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);

    /// <summary>The agent answers incoming requests with <paramref name="handler"/> (404 to everything by default).</summary>
    public DialerFixture(ISipRequestHandler? handler = null)
    {
        Agent = TestAgent.Start(handler ?? new RejectingRequestHandler(404));
        Media = new CallMedia(LoopbackPorts.Allocator(PortPairs).Range, IPAddress.Loopback, _clock, new PromptCache(), PromptLibrary.Load(RepoPaths.InRepo("prompts")));
    }

    public SipUserAgent Agent { get; }

    public CallMedia Media { get; }

    public RtpPortAllocator Ports => Media.Ports;

    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Control", "Scenarios", name);

    /// <summary>A SIPp callee running <paramref name="scenario"/> (a file in Scenarios/) once, on UDP with its own media port.</summary>
    public static async Task<(Process Sipp, int Port)> CalleeAsync(string scenario)
    {
        var media = FreeMediaPorts();
        return await Sipp.StartServerAsync("u1", Scenario(scenario), "-m", "1", "-mp", $"{media}");
    }

    // SIPp binds its audio and video RTP/RTCP on the media port and the three above it: four ports free a moment ago.
    private static int FreeMediaPorts()
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = 2 * Random.Shared.Next(15000, 30000);
            var probes = new List<UdpClient>();
            try
            {
                for (var port = first; port < first + 4; port++)
                {
                    probes.Add(new UdpClient(new IPEndPoint(IPAddress.Loopback, port)));
                }

                return first;
            }
            catch (SocketException) when (attempt < 50)
            {
            }
            finally
            {
                probes.ForEach(p => p.Dispose());
            }
        }
    }

    public OutboundDialer Dialer(OutboundOptions? options = null, DigestCredentials? credentials = null) =>
        new(Agent, options ?? new OutboundOptions(), credentials, Media, TimeProvider.System, NullLogger.Instance);

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        _clock.Dispose();
    }
}
