using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>Starts a user agent of the stack on loopback, port 0, for one test or fixture.</summary>
internal static class TestAgent
{
    public static SipUserAgent Start(ISipRequestHandler handler, string listen = "udp:127.0.0.1:0", TimeProvider? time = null, TcpOptions? tcp = null, Func<SipUserAgentOptions, SipUserAgentOptions>? configure = null)
    {
        var options = new SipUserAgentOptions { Listen = [.. listen.Split(',').Select(SipListenAddress.Parse)], Tcp = tcp ?? new TcpOptions() };
        return SipUserAgent.Start(configure?.Invoke(options) ?? options, handler, time ?? TimeProvider.System, NullLoggerFactory.Instance);
    }
}
