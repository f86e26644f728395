using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Flows;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class AppsStartupTests : IDisposable
{
    private readonly List<TestServerConfig> _configs = [];

    private FileInfo Config(string apps)
    {
        var config = new TestServerConfig(new() { ["Apps"] = JsonDocument.Parse(apps).RootElement });
        _configs.Add(config);
        return config.File;
    }

    [Fact]
    public async Task A_wrong_app_option_stops_the_server_at_start_naming_the_key()
    {
        await using var app = ServerHost.Build(Config("""{ "sales": { "Type": "whatsapp-link", "Channel": "fax" } }"""));
        var e = await Assert.ThrowsAsync<ConfigurationFileException>(() => app.StartAsync());
        Assert.StartsWith("Apps:sales:Channel: 'fax' is not one of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_app_type_stops_the_server_at_start()
    {
        await using var app = ServerHost.Build(Config("""{ "queue": { "Type": "call-centre" } }"""));
        var e = await Assert.ThrowsAsync<ConfigurationFileException>(() => app.StartAsync());
        Assert.Contains("No app type 'call-centre' (for app 'queue'); known types: whatsapp-link.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_apps_are_ready_for_calls_once_the_server_runs()
    {
        await using var app = ServerHost.Build(Config("""{ "whatsapp-link": { "Language": "nl" }, "sales": { "Type": "whatsapp-link" } }"""));
        await app.StartAsync();
        var (flow, settings) = app.Services.GetRequiredService<FlowHost>().Prepare("sales");
        Assert.Equal("whatsapp-link", settings.Type);
        Assert.NotNull(flow);
        await app.StopAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var config in _configs)
        {
            config.Dispose();
        }
    }
}
