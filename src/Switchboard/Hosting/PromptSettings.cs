using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting;

/// <summary>The <c>Prompts:*</c> settings: where the prompt library is, by one rule for every command and the server, so what
/// <c>prompts check</c> approves is what calls play.</summary>
internal static class PromptSettings
{
    /// <summary>The configuration key of the library's folder.</summary>
    public const string RootKey = "Prompts:Root";

    /// <summary>
    /// <c>Prompts:Root</c> when set (relative to the working directory); otherwise the <c>prompts</c> folder of the source checkout the
    /// executable was built in (so <c>./switchboard prompts generate</c> writes into the repository), or else the <c>prompts</c> folder
    /// next to the executable (an installed copy).
    /// </summary>
    public static string Root(IConfiguration configuration)
    {
        if (configuration[RootKey] is { Length: > 0 } root)
        {
            return Path.GetFullPath(root);
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Switchboard.slnx")) && Directory.Exists(Path.Combine(folder.FullName, "prompts", "manifests")))
            {
                return Path.Combine(folder.FullName, "prompts");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "prompts");
    }
}
