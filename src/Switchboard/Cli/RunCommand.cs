using System.CommandLine;
using Switchboard.Hosting;

namespace Switchboard.Cli;

/// <summary><c>switchboard run</c>: starts the server in the foreground until SIGINT or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var command = new Command("run", "Start the server in the foreground. Stop it with Ctrl+C (SIGINT) or SIGTERM.")
        {
            config,
        };
        command.SetAction(async result =>
        {
            try
            {
                await using var app = ServerHost.Build(result.GetValue(config));
                await app.RunAsync();
                return 0;
            }
            catch (ConfigurationFileException e)
            {
                await Console.Error.WriteLineAsync($"switchboard: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
