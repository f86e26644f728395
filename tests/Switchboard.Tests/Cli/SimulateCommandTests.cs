using System.Text.Json;
using Switchboard.Cli;

namespace Switchboard.Tests.Cli;

public class SimulateCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Simulate(string app, string? keys)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SimulateCommand.RunAsync(new SimulateArguments(app, "+31201234567", null, keys, null, Json: false), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_bad_key_script_is_refused_with_its_position_before_anything_runs()
    {
        var (code, output, error) = await Simulate("whatsapp-link", "0612 3x");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal("switchboard: --keys: key script, character 7: 'x' is not a keypad key (0-9 * # A-D)\n", error);
    }

    [Fact]
    public async Task An_unknown_app_is_named_in_the_error()
    {
        var (code, _, error) = await Simulate("no-such-app", "1");
        Assert.Equal(2, code);
        Assert.StartsWith("switchboard: No app type 'no-such-app' (for app 'no-such-app')", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_caller_id_option_names_the_sources()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var arguments = new SimulateArguments("whatsapp-link", "anonymous", null, null, null, Json: false) { CallerIds = ["Contact=<sip:1@x>"] };
        Assert.Equal(2, await SimulateCommand.RunAsync(arguments, output, error));
        Assert.StartsWith("switchboard: --caller-id: 'Contact=<sip:1@x>' is not SOURCE=VALUE with SOURCE one of SipFrom, PAssertedIdentity", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_from_the_issue_sends_one_sms_to_the_typed_mobile()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var arguments = new SimulateArguments("whatsapp-link", "+31201234567", null, "0612345678# 1", null, Json: true);
        Assert.Equal(0, await SimulateCommand.RunAsync(arguments, output, error));
        Assert.Empty(error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("sms-sent", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("app", json.RootElement.GetProperty("hangup").GetString());
        var message = Assert.Single(json.RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("sms", message.GetProperty("channel").GetString());
        Assert.Equal("+31612345678", message.GetProperty("to").GetString());
        Assert.Contains("\"to\": \"+31612345678\"", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_transcript_shows_prompt_texts_in_the_configured_language_and_the_messages_stay_in_the_configured_data_directory()
    {
        var directory = Directory.CreateTempSubdirectory("switchboard-sim-test-").FullName;
        var config = Path.Combine(directory, "config.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "Storage": { "DataDirectory": "{{directory.Replace("\\", "/", StringComparison.Ordinal)}}" },
              "Apps": { "whatsapp-link": { "Language": "nl", "WhatsAppNumber": "+31207654321" } }
            }
            """);
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var arguments = new SimulateArguments("whatsapp-link", "0612345678", "+31201234567", null, new FileInfo(config), Json: false);
            Assert.Equal(0, await SimulateCommand.RunAsync(arguments, output, error));
            var transcript = output.ToString();
            Assert.Contains("link_on_its_way: \"Bedankt voor uw oproep.", transcript, StringComparison.Ordinal);
            Assert.Contains("https://wa.me/31207654321?text=Hello%21", transcript, StringComparison.Ordinal);
            Assert.EndsWith("outcome: sms-sent (hung up by the app)\n", transcript, StringComparison.Ordinal);
            Assert.NotEmpty(Directory.GetFiles(directory, "*.db*"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_app_options_are_named_by_their_key()
    {
        var config = Path.Combine(Path.GetTempPath(), $"switchboard-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """{ "Apps": { "whatsapp-link": { "MaxAttempts": "many" } } }""");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var arguments = new SimulateArguments("whatsapp-link", "0612345678", null, null, new FileInfo(config), Json: false);
            Assert.Equal(2, await SimulateCommand.RunAsync(arguments, output, error));
            Assert.Equal("switchboard: Apps:whatsapp-link:MaxAttempts: 'many' is not a whole number from 1 to 10.\n", error.ToString());
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void The_command_requires_a_caller()
    {
        var result = SimulateCommand.Create().Parse(["whatsapp-link"]);
        Assert.Contains(result.Errors, e => e.Message.Contains("--from", StringComparison.Ordinal));
    }
}
