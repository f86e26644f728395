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
    public void The_command_requires_a_caller()
    {
        var result = SimulateCommand.Create().Parse(["whatsapp-link"]);
        Assert.Contains(result.Errors, e => e.Message.Contains("--from", StringComparison.Ordinal));
    }
}
