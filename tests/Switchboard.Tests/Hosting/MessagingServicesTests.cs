using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Outbox;

namespace Switchboard.Tests.Hosting;

public sealed class MessagingServicesTests
{
    [Fact]
    public async Task Without_providers_the_server_starts_and_messages_are_held_with_the_reason()
    {
        using var config = new TestServerConfig([]);
        await using var app = ServerHost.Build(config.File);
        await app.StartAsync();

        var outbox = app.Services.GetRequiredService<IOutbox>();
        var result = await outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), "k", default);

        Assert.Equal(MessageStatus.Held, result.Status);
        Assert.StartsWith("no SMS provider is configured", (await outbox.FindAsync(result.MessageId, default))!.StatusReason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(config.DataDirectory, "switchboard.db")));
        await app.StopAsync();
    }

    [Theory]
    [InlineData("Twilio", """{"AccountSid":"AC1","From":"+3197010000000"}""", "Twilio:AuthToken (set the environment variable Twilio__AuthToken)")]
    [InlineData("Twilio", """{"AccountSid":"AC1","AuthToken":"x"}""", "Twilio:From or Twilio:MessagingServiceSid")]
    [InlineData("Smtp", """{"Host":"mail.example.com","From":"ivr@example.com","User":"ivr"}""", "Smtp:Password (set the environment variable Smtp__Password)")]
    [InlineData("Smtp", """{"Host":"mail.example.com"}""", "Smtp:From")]
    [InlineData("Storage", """{"Provider":"postgres"}""", "Storage:ConnectionString")]
    public void An_incomplete_provider_stops_start_up_naming_the_missing_setting(string section, string json, string missing)
    {
        using var config = new TestServerConfig(new() { [section] = System.Text.Json.JsonDocument.Parse(json).RootElement });

        var error = Assert.Throws<ConfigurationFileException>(() =>
        {
            using var app = ServerHost.Build(config.File);
            app.Services.GetRequiredService<Switchboard.Storage.Database>();
        });

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_sms_text_over_1600_characters_stops_start_up()
    {
        using var config = new TestServerConfig(new() { ["Sms"] = new { Texts = new Dictionary<string, string> { ["greeting"] = new('a', 1601) } } });

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(config.File));

        Assert.Equal("SMS text greeting has 1601 characters; the limit is 1600 (Sms:Texts:greeting).", error.Message);
    }

    [Fact]
    public async Task The_guard_allows_the_default_region_unless_countries_are_configured()
    {
        using var home = new TestServerConfig(new() { ["Numbers"] = new { DefaultRegion = "GB" } });
        using var configured = new TestServerConfig(new() { ["Guard"] = new { AllowedCountries = new[] { "US" }, AllowedTypes = new[] { "Mobile", "FixedLine" } } });
        await using var homeApp = ServerHost.Build(home.File);
        await using var configuredApp = ServerHost.Build(configured.File);

        var homeGuard = homeApp.Services.GetRequiredService<Switchboard.Guard.MessageGuard>();
        var configuredGuard = configuredApp.Services.GetRequiredService<Switchboard.Guard.MessageGuard>();

        Assert.True(homeGuard.JudgeNumber("07400 123456").Allowed);
        Assert.Equal(Switchboard.Guard.GuardReason.CountryNotAllowed, homeGuard.JudgeNumber("+31612345678").Reason);
        Assert.True(configuredGuard.JudgeNumber("+12015550123").Allowed);
        Assert.Equal(Switchboard.Guard.GuardReason.CountryNotAllowed, configuredGuard.JudgeNumber("+31612345678").Reason);
    }

    [Fact]
    public void Guard_DefaultRegion_is_rejected_pointing_to_Numbers_DefaultRegion()
    {
        using var config = new TestServerConfig(new() { ["Guard"] = new { DefaultRegion = "BE" } });

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(config.File));

        Assert.Contains("set Numbers:DefaultRegion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_outbox_duration_stops_start_up_naming_the_key()
    {
        using var config = new TestServerConfig(new() { ["Outbox"] = new { RetryBaseDelay = "ten" } });

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(config.File));

        Assert.Equal("Outbox:RetryBaseDelay: 'ten' is not a valid duration (e.g. 00:00:30).", error.Message);
    }
}
