using Microsoft.Extensions.Configuration;

namespace Switchboard.Flows;

/// <summary>The settings every app instance has under <c>Apps:&lt;id&gt;</c>, whatever its type.</summary>
/// <param name="Id">The instance id (<c>whatsapp-link</c>, <c>sales-line</c>).</param>
/// <param name="Type">The app type that runs it; the id itself when <c>Type</c> is not set.</param>
/// <param name="Language">The prompt language (<c>Language</c>, default <c>en</c>).</param>
/// <param name="Section">The instance's whole configuration section, for the app's own options.</param>
/// <param name="Root">The whole configuration, for server-wide defaults such as <c>Numbers:DefaultRegion</c>.</param>
public sealed record AppSettings(string Id, string Type, string Language, IConfigurationSection Section, IConfiguration Root)
{
    /// <summary>Reads <c>Apps:&lt;id&gt;</c> from <paramref name="configuration"/>.</summary>
    public static AppSettings Read(IConfiguration configuration, string id)
    {
        var section = configuration.GetSection("Apps").GetSection(id);
        return new AppSettings(id, section["Type"] ?? id, section["Language"] ?? "en", section, configuration);
    }

    /// <summary>A reader for this instance's own options that reports bad values by their full key.</summary>
    public AppOptionReader Options => new(Section);
}
