using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Switchboard.Sip.Hardening;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Hosting;

/// <summary>Wires the SIP listener into the server from the <c>Sip</c> configuration section.</summary>
internal static class SipHosting
{
    /// <summary>Where SIP listens when <c>Sip:Listen</c> is not set: loopback only, UDP and TCP on 5060.</summary>
    /// <remarks>Kept here rather than in the configuration defaults: configuration arrays merge by index, so a user's shorter list would keep the default's tail.</remarks>
    public static readonly string[] DefaultListen = ["udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"];

    /// <summary>Adds the SIP user agent as a hosted service, started and stopped with the server.</summary>
    public static WebApplicationBuilder AddSip(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration.GetSection("Sip"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ISipRequestHandler>(new RejectingRequestHandler(404, "Not Found (no application is connected)"));
        builder.Services.AddSingleton<SipListener>();
        builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<SipListener>());
        return builder;
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
