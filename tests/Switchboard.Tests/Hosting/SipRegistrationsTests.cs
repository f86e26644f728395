using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Registration;

namespace Switchboard.Tests.Hosting;

/// <summary>The registrations inside the server: the checks at start-up, and the status it reports for each.</summary>
public sealed class SipRegistrationsTests
{
    [Theory]
    [InlineData("udp:127.0.0.1:0", "sip:127.0.0.1:5999", "tcp",
        "Sip:Registrations:0:Registrar: REGISTER goes to tcp:127.0.0.1:5999, but Sip:Listen has no tcp address of that IP family")]
    [InlineData("udp:127.0.0.1:0", "sip:registrar.invalid", null,
        "Sip:Registrations:0:Registrar: cannot find the address of 'registrar.invalid'")]
    public async Task Start_up_stops_when_a_registration_cannot_be_sent_or_called_back(string listen, string registrar, string? transport, string message)
    {
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = new
            {
                Listen = new[] { listen },
                Registrations = new[] { new { Registrar = registrar, User = "1001", Transport = transport } },
            },
        });
        await using var app = ServerHost.Build(config.File);

        var error = await Assert.ThrowsAsync<ConfigurationFileException>(() => app.StartAsync());

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_lists_each_registration_before_it_is_answered_and_an_advertised_host_makes_a_wildcard_listener_usable()
    {
        using var registrar = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)registrar.Client.LocalEndPoint!).Port;
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = new
            {
                Listen = new[] { "udp:0.0.0.0:0" },
                AdvertisedHost = "127.0.0.1",
                Registrations = new[] { new { Registrar = $"sip:127.0.0.1:{port}", User = "1001" } },
            },
        });
        await using var app = ServerHost.Build(config.File);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        using var http = new HttpClient();
        var body = await http.GetFromJsonAsync<JsonElement>($"{address}/healthz");

        var registration = body.GetProperty("registrations").EnumerateArray().Single();
        Assert.Equal("sip:1001@127.0.0.1", registration.GetProperty("addressOfRecord").GetString());
        Assert.Equal($"sip:127.0.0.1:{port}", registration.GetProperty("registrar").GetString());
        Assert.Equal("Unregistered", registration.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, registration.GetProperty("until").ValueKind);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var register = Encoding.ASCII.GetString((await registrar.ReceiveAsync(timeout.Token)).Buffer);
        Assert.StartsWith($"REGISTER sip:127.0.0.1:{port} SIP/2.0", register, StringComparison.Ordinal);
        Assert.Contains("Contact: <sip:1001@127.0.0.1:", register, StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_refused_registration_shows_as_failed_with_the_registrars_status()
    {
        using var registrar = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)registrar.Client.LocalEndPoint!).Port;
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = new
            {
                Listen = new[] { "udp:127.0.0.1:0" },
                Registrations = new[] { new { Registrar = $"sip:127.0.0.1:{port}", User = "1001" } },
            },
        });
        await using var app = ServerHost.Build(config.File);
        await app.StartAsync();
        var registrations = app.Services.GetRequiredService<SipRegistrations>();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var datagram = await registrar.ReceiveAsync(timeout.Token);
        var register = (SipRequest)SipMessageParser.Parse(datagram.Buffer, SipFraming.Datagram).Message!;
        await registrar.SendAsync(SipMessageWriter.ToBytes(SipResponse.For(register, 403, toTag: "pbx")), datagram.RemoteEndPoint, timeout.Token);
        while (registrations.Statuses[0].State != RegistrationState.Failed)
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.Equal("403 Forbidden", registrations.Statuses[0].LastFailure);
        Assert.Null(registrations.Statuses[0].Until);
        await app.StopAsync();
    }
}
