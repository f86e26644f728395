using System.CommandLine;

namespace Switchboard.Cli;

/// <summary>The <c>--config FILE</c> option every command that reads settings shares.</summary>
internal static class ConfigOption
{
    public static Option<FileInfo?> Create() => new("--config", "-c")
    {
        Description = "A JSON settings file (see docs/configuration.md). Environment variables such as " +
                      "Twilio__AuthToken override it.",
    };
}
