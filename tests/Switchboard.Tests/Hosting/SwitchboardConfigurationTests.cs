using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class SwitchboardConfigurationTests : IDisposable
{
    private readonly FileInfo _file = new(Path.Combine(Path.GetTempPath(), $"switchboard-config-{Guid.NewGuid():N}.json"));

    [Fact]
    public void Invalid_json_names_the_file_and_where_the_reader_stopped_for_commands()
    {
        File.WriteAllText(_file.FullName, "{\n  \"Numbers\": { \"DefaultRegion\": \"NL\", }\n  oops\n}");

        var error = Assert.Throws<ConfigurationFileException>(() => SwitchboardConfiguration.Load(_file));

        Assert.StartsWith($"The configuration file '{_file.FullName}' is not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_where_the_reader_stopped_for_the_server_too()
    {
        File.WriteAllText(_file.FullName, "{ \"Http\": ");

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(_file));

        Assert.StartsWith($"The configuration file '{_file.FullName}' is not valid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0 | BytePositionInLine: 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_twilio_http_client_logs_only_warnings_by_default()
    {
        var configuration = SwitchboardConfiguration.Load(null);

        Assert.Equal("Warning", configuration["Logging:LogLevel:System.Net.Http.HttpClient"]);
    }

    public void Dispose() => _file.Delete();
}
