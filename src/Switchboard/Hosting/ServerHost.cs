using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Http;

namespace Switchboard.Hosting;

/// <summary>The one place that wires the server: configuration, logging, every feature's services and endpoints.</summary>
internal static partial class ServerHost
{
    /// <summary>Builds the server from the configuration file (optional) and the environment.</summary>
    public static WebApplication Build(FileInfo? configFile)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddSwitchboardSources(configFile);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        builder.WebHost.UseUrls(builder.Configuration["Http:Urls"] ?? throw new ConfigurationFileException("Http:Urls is empty."));
        builder.Services.AddMessaging(builder.Configuration);
        builder.Services.AddCallFlows(builder.Configuration);
        builder.AddSip();
        builder.AddSipRegistrations();

        var app = builder.Build();
        app.MapGet("/healthz", (SipRegistrations sip) => Results.Json(new { status = "ok", registrations = sip.Statuses }));
        app.MapMessageStatusCallbacks();
        app.MapLiveCalls();
        app.MapMetrics();

        app.Lifetime.ApplicationStarted.Register(() => ReportListening(app));
        return app;
    }

    private static void ReportListening(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            LogListening(logger, address);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP listening on {Address} (health check: GET /healthz)")]
    private static partial void LogListening(ILogger logger, string address);
}
