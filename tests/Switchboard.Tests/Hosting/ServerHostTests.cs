using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class ServerHostTests : IDisposable
{
    private readonly string _configPath = Path.Combine(Path.GetTempPath(), $"switchboard-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Healthz_answers_ok_on_the_configured_url()
    {
        await File.WriteAllTextAsync(_configPath, """{ "Http": { "Urls": "http://127.0.0.1:0" }, "Sip": { "Listen": ["udp:127.0.0.1:0"] } }""");
        await using var app = ServerHost.Build(new FileInfo(_configPath));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var http = new HttpClient();
        var body = await http.GetFromJsonAsync<JsonElement>($"{address}/healthz");

        Assert.Equal("ok", body.GetProperty("status").GetString());
        await app.StopAsync();
    }

    [Fact]
    public void A_missing_configuration_file_is_named_in_the_error()
    {
        var missing = new FileInfo(_configPath);

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(missing));

        Assert.Contains(missing.FullName, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_configPath);
}
