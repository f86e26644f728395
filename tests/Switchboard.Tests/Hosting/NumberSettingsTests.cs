using Microsoft.Extensions.Configuration;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class NumberSettingsTests
{
    [Theory]
    [InlineData("Numbers:DefaultRegion", "XX", "Numbers:DefaultRegion: 'XX' is not a region Switchboard knows (use an ISO 3166 code such as NL).")]
    [InlineData("Numbers:MaxExtensionDigits", "four", "Numbers:MaxExtensionDigits: 'four' is not a whole number from 0 to 15.")]
    [InlineData("Numbers:MaxExtensionDigits", "16", "Numbers:MaxExtensionDigits: '16' is not a whole number from 0 to 15.")]
    [InlineData("Numbers:MaxExtensionDigits", "-1", "Numbers:MaxExtensionDigits: '-1' is not a whole number from 0 to 15.")]
    public void A_bad_value_is_a_configuration_error_naming_the_key(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(key, (string?)value)]).Build();

        var error = Assert.Throws<ConfigurationFileException>(() => NumberSettings.From(configuration));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Without_settings_numbers_are_read_in_NL_with_extensions_of_up_to_four_digits()
    {
        var settings = NumberSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal(new NumberSettings("NL", 4), settings);
    }

    [Fact]
    public void The_server_does_not_build_with_an_unknown_region()
    {
        using var config = new TestServerConfig(new() { ["Numbers"] = new { DefaultRegion = "XX" } });

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(config.File));

        Assert.StartsWith("Numbers:DefaultRegion: 'XX'", error.Message, StringComparison.Ordinal);
    }
}
