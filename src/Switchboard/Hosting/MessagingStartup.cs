using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Messaging;
using Switchboard.Messaging.Twilio;
using Switchboard.Outbox;
using Switchboard.Storage;
using Switchboard.Storage.Migrations;

namespace Switchboard.Hosting;

/// <summary>At start: brings the database schema up to date and says plainly which message providers are (not) configured.</summary>
internal sealed partial class MessagingStartup(
    Database database,
    IOptions<TwilioOptions> twilio,
    MessageSenders senders,
    IConfiguration configuration,
    ILogger<MessagingStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await database.MigrateAsync(cancellationToken);
        LogStorage(logger, database.Location, Migrator.LatestVersion, applied);

        foreach (var channel in Enum.GetValues<MessageChannel>())
        {
            if (senders.WhyUnavailable(channel) is { } reason)
            {
                LogNoProvider(logger, channel, reason);
            }
        }

        foreach (var text in MessagingServices.ConfiguredSmsTexts(configuration).Where(t => t.IsMultiSegment))
        {
            LogMultiSegment(logger, text.Describe());
        }

        if (twilio.Value.IsConfigured && twilio.Value.StatusCallbackUrl is null)
        {
            LogNoCallbacks(logger);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Where}, schema version {Version} ({Applied} migrations applied now)")]
    private static partial void LogStorage(ILogger logger, string where, int version, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging: {Channel} messages will be held: {Reason}")]
    private static partial void LogNoProvider(ILogger logger, MessageChannel channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging: {Text}; each segment is billed as one SMS")]
    private static partial void LogMultiSegment(ILogger logger, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Messaging: Twilio:PublicBaseUrl is not set, so no delivery reports (status callbacks) will arrive")]
    private static partial void LogNoCallbacks(ILogger logger);
}
