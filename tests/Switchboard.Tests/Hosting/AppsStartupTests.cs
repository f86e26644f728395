using Microsoft.Extensions.DependencyInjection;
using Switchboard.Flows;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class AppsStartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchboard-apps-").FullName;

    private async Task<string> Config(string apps)
    {
        var path = Path.Combine(_directory, "config.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "Http": { "Urls": "http://127.0.0.1:0" },
              "Sip": { "Listen": ["udp:127.0.0.1:0"] },
              "Storage": { "DataDirectory": "{{_directory.Replace("\\", "/", StringComparison.Ordinal)}}" },
              "Apps": {{apps}}
            }
            """);
        return path;
    }

    [Fact]
    public async Task A_wrong_app_option_stops_the_server_at_start_naming_the_key()
    {
        await using var app = ServerHost.Build(new FileInfo(await Config("""{ "sales": { "Type": "whatsapp-link", "Channel": "fax" } }""")));
        var e = await Assert.ThrowsAsync<ConfigurationFileException>(() => app.StartAsync());
        Assert.StartsWith("Apps:sales:Channel: 'fax' is not one of", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_app_type_stops_the_server_at_start()
    {
        await using var app = ServerHost.Build(new FileInfo(await Config("""{ "queue": { "Type": "call-centre" } }""")));
        var e = await Assert.ThrowsAsync<ConfigurationFileException>(() => app.StartAsync());
        Assert.Contains("No app type 'call-centre' (for app 'queue'); known types: whatsapp-link.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_apps_are_ready_for_calls_once_the_server_runs()
    {
        await using var app = ServerHost.Build(new FileInfo(await Config("""{ "whatsapp-link": { "Language": "nl" }, "sales": { "Type": "whatsapp-link" } }""")));
        await app.StartAsync();
        var (flow, settings) = app.Services.GetRequiredService<FlowHost>().Prepare("sales");
        Assert.Equal("whatsapp-link", settings.Type);
        Assert.NotNull(flow);
        await app.StopAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
