using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Guard;
using Switchboard.Messaging;
using Switchboard.Messaging.Smtp;
using Switchboard.Messaging.Twilio;
using Switchboard.Numbers;
using Switchboard.Outbox;
using Switchboard.Sms;
using Switchboard.Storage;

namespace Switchboard.Hosting;

/// <summary>Wires storage, the outbox, the fraud guard, the message providers and the dispatcher from the <c>Storage</c>, <c>Outbox</c>, <c>Guard</c>, <c>Twilio</c>, <c>Smtp</c> and <c>Sms</c> settings.</summary>
internal static class MessagingServices
{
    /// <summary>
    /// Registers messaging. Settings are read now, so a provider that is configured but incomplete
    /// (an account without its auth token, say) stops start-up with the missing setting named.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="dispatch">Whether to run the dispatcher in this process.</param>
    /// <param name="simulated">Whether messages are stored as simulated, never to be sent (the <c>simulate</c> command).</param>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration, bool dispatch = true, bool simulated = false)
    {
        var storage = SettingsBinder.Bind<StorageOptions>(configuration, "Storage");
        var twilio = SettingsBinder.Bind<TwilioOptions>(configuration, "Twilio");
        var smtp = SettingsBinder.Bind<SmtpOptions>(configuration, "Smtp");
        RequireComplete("Twilio", "Twilio:AccountSid", twilio.MissingSettings());
        RequireComplete("SMTP", "Smtp:Host", smtp.MissingSettings());
        if (ConfiguredSmsTexts(configuration).FirstOrDefault(t => t.IsTooLong) is { } tooLong)
        {
            throw new ConfigurationFileException($"{tooLong.Describe()} (Sms:Texts:{tooLong.Name}).");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(Options.Create(storage));
        services.AddSingleton(Options.Create(SettingsBinder.Bind<OutboxOptions>(configuration, "Outbox")));
        services.AddSingleton(Options.Create(twilio));
        services.AddSingleton(Options.Create(smtp));
        services.AddSingleton(_ => CreateDatabase(storage));
        services.AddHttpClient(TwilioMessageSender.HttpClientName);
        if (twilio.IsConfigured)
        {
            services.AddSingleton<IMessageSender, TwilioMessageSender>();
        }

        if (smtp.IsConfigured)
        {
            services.AddSingleton<IMessageSender, SmtpMessageSender>();
        }

        services.AddSingleton<MessageSenders>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new SqlOutbox(sp.GetRequiredService<Database>(), sp.GetRequiredService<MessageSenders>(),
            sp.GetRequiredService<OutboxSignal>(), sp.GetRequiredService<TimeProvider>(), simulated));
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<SqlOutbox>());
        services.AddSingleton<OutboxClaims>();
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton(Options.Create(GuardSettings(configuration)));
        services.TryAddSingleton(NumberPlan.Default);
        services.AddSingleton<MessageGuard>();

        // Registration order is start order: the schema must be current before anything dispatches.
        services.AddHostedService<MessagingStartup>();
        if (dispatch)
        {
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        }

        return services;
    }

    /// <summary>The SMS texts configured under <c>Sms:Texts:NAME</c>, each checked for length and segments.</summary>
    public static IReadOnlyList<SmsTextCheck> ConfiguredSmsTexts(IConfiguration configuration) =>
        [.. configuration.GetSection("Sms:Texts").GetChildren().Select(t => SmsTextCheck.Of(t.Key, t.Value ?? ""))];

    // The guard reads numbers in Numbers:DefaultRegion, the one region setting, and Guard:AllowedCountries
    // defaults to it, so a fresh install texts only at home.
    private static GuardOptions GuardSettings(IConfiguration configuration)
    {
        if (configuration["Guard:DefaultRegion"] is not null)
        {
            throw new ConfigurationFileException(
                "Guard:DefaultRegion is not a setting: the guard reads national numbers in Numbers:DefaultRegion, so set Numbers:DefaultRegion instead.");
        }

        var guard = SettingsBinder.Bind<GuardOptions>(configuration, "Guard");
        guard.DefaultRegion = NumberSettings.From(configuration).DefaultRegion;
        if (guard.AllowedCountries.Count == 0)
        {
            guard.AllowedCountries.Add(guard.DefaultRegion);
        }

        return guard;
    }

    private static void RequireComplete(string provider, string switchSetting, IReadOnlyList<string> missing)
    {
        if (missing.Count > 0)
        {
            throw new ConfigurationFileException(
                $"The {provider} provider is configured ({switchSetting} is set) but lacks {string.Join(" and ", missing)}.");
        }
    }

    private static Database CreateDatabase(StorageOptions storage)
    {
        try
        {
            return Database.Create(storage);
        }
        catch (StorageConfigurationException e)
        {
            throw new ConfigurationFileException(e.Message);
        }
    }
}
