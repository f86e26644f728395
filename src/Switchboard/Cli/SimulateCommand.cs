using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Hosting;
using Switchboard.Prompts;
using Switchboard.Simulation;

namespace Switchboard.Cli;

/// <summary><c>switchboard simulate</c>: runs one call of an app without a phone, on virtual time, and prints what happened.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var app = new Argument<string>("app-id") { Description = "The app to call, as configured under Apps:<id> (e.g. whatsapp-link)." };
        var from = new Option<string>("--from")
        {
            Required = true,
            Description = "The caller id the call arrives with: a number (+31201234567, 0612345678), an extension (201), " +
                          "a SIP URI (sip:+31612345678@pbx) or anonymous.",
        };
        var to = new Option<string?>("--to") { Description = "The number the caller dialled." };
        var callerIds = new Option<string[]>("--caller-id")
        {
            Description = "More caller-id values as SOURCE=VALUE, repeatable, e.g. \"PAssertedIdentity=<sip:+31612345678@pbx>\". " +
                          $"Sources: {string.Join(", ", Enum.GetNames<CallerIdSource>())}.",
            AllowMultipleArgumentsPerToken = false,
        };
        var privacy = new Option<string?>("--privacy") { Description = "A SIP Privacy header value, e.g. id." };
        var keys = new Option<string?>("--keys")
        {
            Description = "What the caller presses: space-separated groups, each pressed when the flow next waits for keys " +
                          "(keys 200 ms apart); '!' first presses a group during the playing prompt; '_' lets a wait time out; " +
                          "'h' hangs up. Example: \"0612345678# 1\".",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (outcome, prompts, messages, hangup, events) instead of a transcript." };
        var config = ConfigOption.Create();
        var command = new Command("simulate", "Run one call of an app in virtual time and print the transcript.")
        {
            app, from, to, callerIds, privacy, keys, json, config,
        };
        command.SetAction(result => RunAsync(
            new SimulateArguments(result.GetValue(app)!, result.GetValue(from)!, result.GetValue(to), result.GetValue(keys),
                result.GetValue(config), result.GetValue(json))
            {
                CallerIds = result.GetValue(callerIds) ?? [],
                Privacy = result.GetValue(privacy),
            },
            Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the simulation and writes the report; returns the process exit code.</summary>
    public static async Task<int> RunAsync(SimulateArguments arguments, TextWriter output, TextWriter error)
    {
        var script = KeyScript.TryParse(arguments.Keys, out var scriptError);
        if (script is null)
        {
            await error.WriteLineAsync($"switchboard: --keys: {scriptError}");
            return 2;
        }

        var caller = Caller(arguments, out var callerError);
        if (caller is null)
        {
            await error.WriteLineAsync($"switchboard: --caller-id: {callerError}");
            return 2;
        }

        string? temporary = null;
        try
        {
            var configuration = SwitchboardConfiguration.Load(arguments.Config);
            if (!configuration.GetSection("Storage").Exists())
            {
                temporary = Directory.CreateTempSubdirectory("switchboard-simulate-").FullName;
                configuration = new ConfigurationBuilder().AddConfiguration(configuration)
                    .AddInMemoryCollection([KeyValuePair.Create("Storage:DataDirectory", (string?)temporary)]).Build();
            }

            var library = PromptLibrary.Load(PromptSettings.Root(configuration));
            await using var services = await MessagingCli.OpenAsync(configuration,
                collection => collection.AddMessaging(configuration, dispatch: false, simulated: true).AddCallFlows(configuration), CancellationToken.None);
            var host = services.GetRequiredService<FlowHost>();
            host.Prepare(arguments.App);

            using var call = new SimulatedCall($"sim-{Guid.NewGuid():N}", caller, arguments.To ?? "",
                new VirtualTimeProvider(TimeProvider.System.GetUtcNow()), library);
            var report = await CallSimulator.RunAsync(call, script, ct => host.RunAsync(call, arguments.App, ct));
            await output.WriteAsync(arguments.Json ? report.ToJson() + "\n" : report.ToTranscript(library));
            return 0;
        }
        catch (Exception e) when (e is ConfigurationFileException or UnknownAppException or PromptManifestException or AppOptionsException)
        {
            await error.WriteLineAsync($"switchboard: {e.Message}");
            return 2;
        }
        finally
        {
            if (temporary is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static CallerInfo? Caller(SimulateArguments arguments, out string? problem)
    {
        problem = null;
        var values = new List<CallerIdValue> { new(CallerIdSource.SipFrom, arguments.From) };
        foreach (var item in arguments.CallerIds)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !Enum.TryParse<CallerIdSource>(item[..eq], ignoreCase: true, out var source) || char.IsAsciiDigit(item[0]))
            {
                problem = $"'{item}' is not SOURCE=VALUE with SOURCE one of {string.Join(", ", Enum.GetNames<CallerIdSource>())}";
                return null;
            }

            values.Add(new CallerIdValue(source, item[(eq + 1)..]));
        }

        return new CallerInfo(values, arguments.Privacy);
    }
}

/// <summary>The arguments of <c>switchboard simulate</c>.</summary>
internal sealed record SimulateArguments(string App, string From, string? To, string? Keys, FileInfo? Config, bool Json)
{
    /// <summary>More caller-id values as <c>SOURCE=VALUE</c>.</summary>
    public IReadOnlyList<string> CallerIds { get; init; } = [];

    /// <summary>A SIP Privacy header value.</summary>
    public string? Privacy { get; init; }
}
