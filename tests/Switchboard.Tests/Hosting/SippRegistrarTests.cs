using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Testing;

namespace Switchboard.Tests.Hosting;

/// <summary>The real server registering with SIPp as the PBX: Digest credentials from the environment, refresh, removal at shutdown.</summary>
[Trait("Category", Categories.Interop)]
public sealed class SippRegistrarTests
{
    private const string PasswordVariable = "SWITCHBOARD_TEST_PBX_PASSWORD";

    [Fact]
    public async Task The_server_registers_with_the_password_from_the_environment_refreshes_and_removes_the_binding_on_sigterm()
    {
        var scenario = Path.Combine(AppContext.BaseDirectory, "Hosting", "Scenarios", "uas-registrar.xml");
        var (sipp, port) = await Sipp.StartServerAsync("u1", scenario, "-m", "1");
        using var _ = sipp;
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = new
            {
                Listen = new[] { "udp:127.0.0.1:0" },
                Registrations = new[]
                {
                    new { Registrar = $"sip:127.0.0.1:{port}", User = "switchboard", AuthUser = "1001", PasswordEnv = PasswordVariable, Expires = 2, ContactUser = "inbound" },
                },
            },
        });
        using var server = ServerProcess.Start(config.File, new Dictionary<string, string> { [PasswordVariable] = "pbx-secret" });

        var registered = await server.WaitForLineAsync("registered until", TimeSpan.FromSeconds(60));
        Assert.Contains("sip:switchboard@127.0.0.1", registered, StringComparison.Ordinal);
        using var http = new HttpClient();
        var health = await http.GetFromJsonAsync<JsonElement>(new Uri(await server.HttpAddressAsync(), "/healthz"));
        var registration = health.GetProperty("registrations").EnumerateArray().Single();
        Assert.Equal("Registered", registration.GetProperty("state").GetString());
        Assert.Equal("sip:switchboard@127.0.0.1", registration.GetProperty("addressOfRecord").GetString());

        // The binding lasts 2 s and is refreshed after 1 s: the scenario fails unless a refresh comes before the removal.
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));

        var sippResult = await Sipp.WaitAsync(sipp, TimeSpan.FromSeconds(30));
        Assert.True(sippResult.ExitCode == 0, $"{sippResult}\nserver:\n{server.Output}");
        Assert.Contains("binding removed", server.Output, StringComparison.Ordinal);
    }
}
