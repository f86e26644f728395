using Microsoft.Extensions.Configuration;
using Switchboard.Flows;
using Switchboard.Media.Sessions;
using Switchboard.Numbers;
using Switchboard.Telephony.Sip.Routing;

namespace Switchboard.Hosting;

/// <summary>
/// <c>Sip:Routes</c> (an ordered list of <c>{ Match, App, InBandDtmf, EarlyMedia }</c>) and <c>Sip:DefaultApp</c>: read and checked
/// when the server is built, and each app id checked against the apps when it starts, every error naming its key.
/// </summary>
internal sealed class SipRouteSettings
{
    private readonly List<(string Key, SipRoute Route)> _routes = [];

    private SipRouteSettings(IConfiguration configuration)
    {
        foreach (var entry in configuration.GetSection("Sip:Routes").GetChildren())
        {
            var match = Required(entry, "Match", "a called number, Request-URI user, DID or *");
            var app = Required(entry, "App", "an app id (a section of Apps, or a built-in app type)");
            _routes.Add(($"{entry.Path}:App", new SipRoute(match, app)
            {
                InBandDtmf = ReadInBand(entry),
                EarlyMedia = ReadBool(entry, "EarlyMedia"),
            }));
        }

        if (configuration["Sip:DefaultApp"] is { Length: > 0 } fallback)
        {
            Default = new SipRoute(SipRoute.Any, fallback.Trim());
        }
    }

    /// <summary>The route of calls no entry matches, or null (they get 404).</summary>
    public SipRoute? Default { get; }

    /// <summary>Reads the settings; a missing or unreadable value is a <see cref="ConfigurationFileException"/> naming its key.</summary>
    public static SipRouteSettings Read(IConfiguration configuration) => new(configuration);

    /// <summary>The router over these routes, reading numbers as <c>Numbers:DefaultRegion</c> says.</summary>
    public SipRouter Router(NumberPlan plan, string region) => new([.. _routes.Select(r => r.Route)], Default, plan, region);

    /// <summary>Builds every route's app once, so an unknown app id or a bad option stops the start naming the route's key.</summary>
    public void Check(FlowHost host)
    {
        var all = Default is null ? _routes : [.. _routes, ("Sip:DefaultApp", Default)];
        foreach (var (key, route) in all)
        {
            try
            {
                host.Prepare(route.App);
            }
            catch (Exception e) when (e is UnknownAppException or AppOptionsException)
            {
                throw new ConfigurationFileException($"{key}: '{route.App}' cannot run: {e.Message}");
            }
        }
    }

    private static string Required(IConfigurationSection entry, string name, string expected) =>
        entry[name] is { } value && value.Trim() is { Length: > 0 } trimmed
            ? trimmed
            : throw new ConfigurationFileException($"{entry.Path}:{name}: missing; it must be {expected}.");

    private static InBandDtmf ReadInBand(IConfigurationSection entry)
    {
        var text = entry["InBandDtmf"];
        if (text is null)
        {
            return InBandDtmf.WhenNoTelephoneEvent;
        }

        var name = text.Trim();
        return name.Length > 0 && !char.IsAsciiDigit(name[0]) && Enum.TryParse<InBandDtmf>(name, ignoreCase: true, out var mode)
            ? mode
            : throw new ConfigurationFileException($"{entry.Path}:InBandDtmf: '{text}' is not one of {string.Join(", ", Enum.GetNames<InBandDtmf>())}.");
    }

    private static bool ReadBool(IConfigurationSection entry, string name) =>
        entry[name] is not { } text ? false
        : bool.TryParse(text.Trim(), out var value) ? value
        : throw new ConfigurationFileException($"{entry.Path}:{name}: '{text}' is not true or false.");
}
