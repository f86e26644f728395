using Microsoft.Extensions.Configuration;

namespace Switchboard.Hosting;

/// <summary>Builds the one configuration every command reads: built-in defaults, an optional JSON file, then the environment.</summary>
internal static class SwitchboardConfiguration
{
    /// <summary>Adds the Switchboard sources, in order of precedence from lowest to highest, to <paramref name="builder"/>.</summary>
    public static IConfigurationBuilder AddSwitchboardSources(this IConfigurationBuilder builder, FileInfo? file)
    {
        builder.AddInMemoryCollection(Defaults);
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new ConfigurationFileException($"The configuration file '{file.FullName}' does not exist.");
            }

            try
            {
                builder.AddJsonFile(file.FullName, optional: false, reloadOnChange: false);
            }
            catch (InvalidDataException e)
            {
                // A ConfigurationManager (the server's) loads the file here, a ConfigurationBuilder only in Build.
                throw NotValidJson(file, e);
            }
        }

        return builder.AddEnvironmentVariables();
    }

    /// <summary>Loads the configuration for a command that does not run the server; the <c>Numbers:*</c> settings are checked.</summary>
    public static IConfiguration Load(FileInfo? file)
    {
        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddSwitchboardSources(file).Build();
        }
        catch (InvalidDataException e)
        {
            throw NotValidJson(file, e);
        }

        NumberSettings.From(configuration);
        return configuration;
    }

    // The outer exceptions say only "Failed to load" and "Could not parse"; the innermost has the JSON reader's line and position.
    private static ConfigurationFileException NotValidJson(FileInfo? file, InvalidDataException e) =>
        new($"The configuration file '{file?.FullName}' is not valid JSON: {e.GetBaseException().Message}");

    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Http:Urls"] = "http://127.0.0.1:8080",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Numbers:DefaultRegion"] = "NL",
        ["Numbers:MaxExtensionDigits"] = "4",
    };
}
