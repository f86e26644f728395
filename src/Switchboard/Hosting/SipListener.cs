using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Hosting;

/// <summary>Runs the SIP user agent for the server's lifetime and says where it listens.</summary>
internal sealed partial class SipListener(SipUserAgentOptions options, ISipRequestHandler handler, TimeProvider time, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("Switchboard");

    /// <summary>The running user agent (null before start).</summary>
    public SipUserAgent? Agent { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Agent = SipUserAgent.Start(options, handler, time, loggers);
        }
        catch (SocketException e)
        {
            throw new ConfigurationFileException($"Cannot listen for SIP on {string.Join(", ", options.Listen)}: {e.Message}. Change Sip:Listen.");
        }

        var addresses = string.Join(", ", Agent.Transports.Select(t => new SipListenAddress(t.Protocol, t.LocalEndPoint)));
        LogListening(_logger, addresses);

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (Agent is { } agent)
        {
            Agent = null;
            await agent.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP listening on {Address}")]
    private static partial void LogListening(ILogger logger, string address);
}
