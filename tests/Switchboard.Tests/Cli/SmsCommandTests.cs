using System.CommandLine;
using System.Text.Json;
using Switchboard.Cli;
using Switchboard.Testing.Twilio;
using Switchboard.Tests.Hosting;

namespace Switchboard.Tests.Cli;

#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class SmsCommandTests : IAsyncLifetime
{
    private TwilioApiServer _twilio = null!;
    private TestServerConfig _config = null!;

    public async Task InitializeAsync()
    {
        _twilio = await TwilioApiServer.StartAsync();
        _config = new TestServerConfig(new()
        {
            ["Twilio"] = new { AccountSid = "AC00000000000000000000000000000001", AuthToken = "test-auth-token", From = "+3197010000000", ApiBaseUrl = _twilio.BaseUrl },
            ["Outbox"] = new { RetryBaseDelay = "00:00:00.050", PollInterval = "00:00:00.050" },
        });
    }

    public async Task DisposeAsync()
    {
        _config.Dispose();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task Wait_sends_and_prints_the_provider_id()
    {
        var (exit, output, _) = await RunAsync("sms", "send", "--to", "06 12345678", "--body", "Your WhatsApp link", "--wait");

        Assert.Equal(0, exit);
        var request = Assert.Single(_twilio.Requests);
        Assert.Equal("+31612345678", request["To"]);
        Assert.Equal("Your WhatsApp link", request["Body"]);
        Assert.Matches(@"^sent \S+ provider id SM[0-9a-f]{32} after 1 attempt\(s\)$", output[^1]);
        var listed = JsonDocument.Parse((await RunAsync("messages", "list", "--json")).Output.Single()).RootElement;
        Assert.Equal("sent", listed.GetProperty("status").GetString());
        Assert.Equal("+31612345678", listed.GetProperty("to").GetString());
        Assert.StartsWith("SM", listed.GetProperty("providerId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wait_follows_retries_and_reports_a_permanent_failure_with_a_non_zero_exit()
    {
        _twilio.Then(TwilioApiReply.Error(503, 20503, "Service Unavailable"), TwilioApiReply.Error(400, 21610, "Attempt to send to unsubscribed recipient"));

        var (exit, output, _) = await RunAsync("sms", "send", "--to", "+31612345678", "--body", "hi", "--channel", "whatsapp", "--wait");

        Assert.Equal(1, exit);
        Assert.EndsWith("after 2 attempt(s): 21610 Attempt to send to unsubscribed recipient", output[^1], StringComparison.Ordinal);
        Assert.All(_twilio.Requests, r => Assert.Equal("whatsapp:+31612345678", r["To"]));
    }

    [Fact]
    public async Task A_guard_refusal_prints_the_reason_exits_non_zero_and_queues_nothing()
    {
        var (exit, _, error) = await RunAsync("sms", "send", "--to", "0900 1234567", "--body", "hi");

        Assert.Equal(SmsCommand.Refused, exit);
        Assert.Equal("switchboard: refused (CostlyNumber): +319001234567 is a PREMIUM_RATE number; those are never messaged", error.Trim());
        Assert.Empty((await RunAsync("messages", "list", "--json")).Output);
        Assert.Empty(_twilio.Requests);
    }

    [Fact]
    public async Task The_same_idempotency_key_queues_once()
    {
        var first = await RunAsync("sms", "send", "--to", "+31612345678", "--body", "hi", "--idempotency-key", "job-7");
        var second = await RunAsync("sms", "send", "--to", "+31612345679", "--body", "hi", "--idempotency-key", "job-7");

        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        Assert.StartsWith("already queued with this key", second.Output.Single(), StringComparison.Ordinal);
        Assert.Single((await RunAsync("messages", "list", "--json")).Output);
    }

    [Fact]
    public async Task A_text_over_1600_characters_is_refused_before_anything_else()
    {
        var (exit, _, error) = await RunAsync("sms", "send", "--to", "+31612345678", "--body", new string('a', 1601));

        Assert.Equal(2, exit);
        Assert.Contains("1601 characters; the limit is 1600", error, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string[] Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { SmsCommand.Create(), MessagesCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse([.. args, "--config", _config.File.FullName]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }
}
