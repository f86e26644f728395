using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Switchboard.Flows;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Numbers;
using Switchboard.Prompts;
using Switchboard.Sip.Hardening;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;
using Switchboard.Telephony.Sip.Inbound;
using Switchboard.Telephony.Sip.Media;

namespace Switchboard.Hosting;

/// <summary>Wires the SIP front-end into the server from the <c>Sip</c> and <c>Prompts</c> settings: the listener, the routes to apps, and the calls' media.</summary>
internal static class SipHosting
{
    /// <summary>Where SIP listens when <c>Sip:Listen</c> is not set: loopback only, UDP and TCP on 5060.</summary>
    /// <remarks>Kept here rather than in the configuration defaults: configuration arrays merge by index, so a user's shorter list would keep the default's tail.</remarks>
    public static readonly string[] DefaultListen = ["udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"];

    /// <summary>
    /// Adds the SIP user agent and the inbound calls it hands to apps, as a hosted service started and stopped with the server. Needs the
    /// flow host (<see cref="CallFlowServices.AddCallFlows"/>) registered too.
    /// </summary>
    public static WebApplicationBuilder AddSip(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = ReadOptions(configuration.GetSection("Sip")) with
        {
            Authentication = SipAuthenticationSettings.Read(configuration, Environment.GetEnvironmentVariable),
        };
        var media = SipMediaSettings.Read(configuration);
        var routes = SipRouteSettings.Read(configuration);
        var region = NumberSettings.From(configuration).DefaultRegion;
        var promptRoot = PromptSettings.Root(configuration);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(NumberPlan.Default);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = media.ShutdownTimeout + InboundCalls.HangUpGrace + TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(media);
        builder.Services.AddSingleton(routes);
        builder.Services.AddSingleton(sp => new MediaClock(LogClockFailure(sp.GetRequiredService<ILoggerFactory>()), new MediaClockOptions()));
        builder.Services.AddSingleton<PromptCache>();
        builder.Services.AddSingleton(sp => new CallMedia(media.Ports, media.Address, sp.GetRequiredService<MediaClock>(), sp.GetRequiredService<PromptCache>(), LoadPrompts(promptRoot))
        {
            OfferAnswer = media.OfferAnswer,
            AdvertisedAddress = media.AdvertisedAddress,
            Logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Media"),
        });
        builder.Services.AddSingleton(sp => new InboundCalls(
            routes.Router(sp.GetRequiredService<NumberPlan>(), region),
            sp.GetRequiredService<FlowHost>(),
            sp.GetRequiredService<CallMedia>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<SipListener>();
        builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<SipListener>());
        return builder;
    }

    private static PromptLibrary LoadPrompts(string root)
    {
        try
        {
            return PromptLibrary.Load(root);
        }
        catch (PromptManifestException e)
        {
            throw new ConfigurationFileException($"{PromptSettings.RootKey}: {e.Message}");
        }
    }

    private static Action<IPacedSender, Exception> LogClockFailure(ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Switchboard.Media");
        return (_, e) => SipListener.LogClockFailure(logger, e);
    }

    private static SipUserAgentOptions ReadOptions(IConfigurationSection section)
    {
        var listen = Values(section.GetSection("Listen")) ?? DefaultListen;
        var sources = Values(section.GetSection("AllowedSources")) ?? SourceAllowList.PrivateNetworks;
        try
        {
            return new SipUserAgentOptions
            {
                Listen = [.. listen.Select(SipListenAddress.Parse)],
                InviteSources = new SourceAllowList(sources),
                RateLimiter = new SourceRateLimiter(
                    TimeProvider.System,
                    section.GetValue("RateLimit:RequestsPerSecond", 50.0),
                    section.GetValue("RateLimit:Burst", 100)),
                Transport = new SipTransportOptions { AdvertisedHost = section["AdvertisedHost"] },
            };
        }
        catch (FormatException e)
        {
            throw new ConfigurationFileException($"Sip configuration: {e.Message}.");
        }
    }

    /// <summary>The values of an array section, or of a single comma-separated value (handy in environment variables); null when unset.</summary>
    private static string[]? Values(IConfigurationSection section)
    {
        if (section.Value is { } single)
        {
            return single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToArray();
        return items.Length > 0 ? items : null;
    }
}
