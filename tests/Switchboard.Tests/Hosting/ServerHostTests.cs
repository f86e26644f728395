using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;

namespace Switchboard.Tests.Hosting;

public sealed class ServerHostTests
{
    [Fact]
    public async Task Healthz_answers_ok_on_the_configured_url()
    {
        using var config = new TestServerConfig([]);
        await using var app = ServerHost.Build(config.File);
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
        var missing = new FileInfo(Path.Combine(Path.GetTempPath(), $"switchboard-{Guid.NewGuid():N}.json"));

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(missing));

        Assert.Contains(missing.FullName, error.Message, StringComparison.Ordinal);
    }
}
