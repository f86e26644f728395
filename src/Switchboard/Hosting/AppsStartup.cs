using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Flows;

namespace Switchboard.Hosting;

/// <summary>At start: builds every app configured under <c>Apps</c>, so a wrong option stops the server before any call instead of during one.</summary>
internal sealed partial class AppsStartup(FlowHost host, IConfiguration configuration, ILogger<AppsStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var app in configuration.GetSection("Apps").GetChildren())
        {
            try
            {
                var (_, settings) = host.Prepare(app.Key);
                LogReady(logger, settings.Id, settings.Type, settings.Language);
            }
            catch (Exception e) when (e is AppOptionsException or UnknownAppException)
            {
                throw new ConfigurationFileException(e.Message);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "App {Id} ready (type {Type}, language {Language})")]
    private static partial void LogReady(ILogger logger, string id, string type, string language);
}
