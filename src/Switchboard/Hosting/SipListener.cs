using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Flows;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Inbound;

namespace Switchboard.Hosting;

/// <summary>
/// Runs the SIP user agent for the server's lifetime, says where it listens, and stops gracefully: new INVITEs get 503 from the
/// moment the server is asked to stop, calls in progress get <c>Sip:ShutdownTimeout</c> to finish, the rest are hung up, and then
/// the transports close.
/// </summary>
internal sealed partial class SipListener(
    SipUserAgentOptions options, SipMediaSettings media, SipRouteSettings routes, InboundCalls calls, FlowHost host,
    IHostApplicationLifetime lifetime, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Switchboard");
    private CancellationTokenRegistration _stopping;

    /// <summary>The running user agent (null before start).</summary>
    public SipUserAgent? Agent { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        routes.Check(host);
        try
        {
            Agent = SipUserAgent.Start(options, calls, time, loggers);
        }
        catch (SocketException e)
        {
            throw new ConfigurationFileException($"Cannot listen for SIP on {string.Join(", ", options.Listen)}: {e.Message}. Change Sip:Listen.");
        }

        calls.Attach(Agent);
        _stopping = lifetime.ApplicationStopping.Register(calls.StopAccepting);
        var addresses = string.Join(", ", Agent.Transports.Select(t => new SipListenAddress(t.Protocol, t.LocalEndPoint)));
        LogListening(_logger, addresses);
        LogRtp(_logger, media.Ports.First, media.Ports.Last, media.Address, new AdvertisedAddress(media.AdvertisedAddress), media.Ports.PairCount);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await calls.DrainAsync(media.ShutdownTimeout, cancellationToken);
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        if (Agent is { } agent)
        {
            Agent = null;
            await agent.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP listening on {Address}")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "RTP ports {First}-{Last} on {Address} (SDP address: {Advertised}; {Pairs} calls at most)")]
    private static partial void LogRtp(ILogger logger, int first, int last, System.Net.IPAddress address, AdvertisedAddress advertised, int pairs);

    /// <summary>How the log names the SDP address: the configured one, or that each call picks its own.</summary>
    private readonly record struct AdvertisedAddress(System.Net.IPAddress? Address)
    {
        public override string ToString() => Address?.ToString() ?? "chosen per call";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A call's RTP sender failed and was taken off the media clock")]
    internal static partial void LogClockFailure(ILogger logger, Exception exception);
}
