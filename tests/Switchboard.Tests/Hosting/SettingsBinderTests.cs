using Microsoft.Extensions.Configuration;
using Switchboard.Guard;
using Switchboard.Hosting;
using Switchboard.Messaging.Smtp;
using Switchboard.Messaging.Twilio;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Tests.Hosting;

public sealed class SettingsBinderTests
{
    public static TheoryData<string, string, string, string> BadValues => new()
    {
        { "Outbox", "RetryBaseDelay", "ten", "Outbox:RetryBaseDelay: 'ten' is not a valid duration (e.g. 00:00:30)." },
        { "Outbox", "MaxAttempts", "many", "Outbox:MaxAttempts: 'many' is not a whole number." },
        { "Storage", "Provider", "mysql", "Storage:Provider: 'mysql' is not one of Sqlite, Postgres." },
        { "Guard", "FixedLineOrMobileCountsAsMobile", "yes", "Guard:FixedLineOrMobileCountsAsMobile: 'yes' is not true or false." },
        { "Twilio", "PublicBaseUrl", "ivr.example.com", "Twilio:PublicBaseUrl: 'ivr.example.com' is not an absolute URL (e.g. https://ivr.example.com)." },
        { "Smtp", "Security", "Tls", "Smtp:Security: 'Tls' is not one of None, StartTls." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_that_cannot_be_read_names_the_full_key_the_value_and_the_form(string section, string key, string value, string message)
    {
        var configuration = Settings((section + ":" + key, value));

        var error = Assert.Throws<ConfigurationFileException>(() => BindSection(configuration, section));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_misspelt_list_entry_names_the_key_the_value_and_the_allowed_values()
    {
        var configuration = Settings(("Guard:AllowedTypes:0", "Mobile"), ("Guard:AllowedTypes:1", "Mobil"));

        var error = Assert.Throws<ConfigurationFileException>(() => SettingsBinder.Bind<GuardOptions>(configuration, "Guard"));

        Assert.StartsWith("Guard:AllowedTypes: 'Mobil' is not one of Unknown, ", error.Message, StringComparison.Ordinal);
        Assert.Contains(", Mobile, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_values_bind_in_any_case_and_missing_ones_keep_their_defaults()
    {
        var configuration = Settings(("Guard:AllowedTypes:0", "fixedline"), ("Guard:PerCallerWindow", "00:30:00"), ("Guard:HourlyBudget", "7"));

        var guard = SettingsBinder.Bind<GuardOptions>(configuration, "Guard");

        Assert.Equal([Switchboard.Numbers.NumberType.FixedLine], guard.AllowedTypes);
        Assert.Equal(TimeSpan.FromMinutes(30), guard.PerCallerWindow);
        Assert.Equal(7, guard.HourlyBudget);
        Assert.Equal(1, guard.PerDestinationLimit);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static object BindSection(IConfiguration configuration, string section) => section switch
    {
        "Outbox" => SettingsBinder.Bind<OutboxOptions>(configuration, section),
        "Storage" => SettingsBinder.Bind<StorageOptions>(configuration, section),
        "Guard" => SettingsBinder.Bind<GuardOptions>(configuration, section),
        "Twilio" => SettingsBinder.Bind<TwilioOptions>(configuration, section),
        _ => SettingsBinder.Bind<SmtpOptions>(configuration, section),
    };
}
