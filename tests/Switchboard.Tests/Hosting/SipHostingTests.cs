using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Tests.Hosting;

public sealed class SipHostingTests
{
    [Theory]
    [InlineData("OPTIONS", """["127.0.0.0/8"]""", 200)]
    [InlineData("INVITE", """["127.0.0.0/8"]""", 404)]
    [InlineData("INVITE", """["10.0.0.0/8"]""", 403)]
    public async Task The_server_answers_sip_on_the_configured_listener(string method, string allowedSources, int expected)
    {
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = new { Listen = new[] { "udp:127.0.0.1:0", "tcp:127.0.0.1:0" }, AllowedSources = JsonSerializer.Deserialize<string[]>(allowedSources) },
        });
        await using var app = ServerHost.Build(config.File);
        await app.StartAsync();
        var agent = app.Services.GetRequiredService<SipListener>().Agent!;
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await udp.SendAsync(Request(method), agent.Transports[0].LocalEndPoint);

        Assert.Equal(expected, await FinalStatusAsync(udp));
        Assert.Equal(2, agent.Transports.Count);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_bad_listen_address_is_named_in_the_error()
    {
        using var config = new TestServerConfig(new() { ["Sip"] = new { Listen = new[] { "sctp:1.2.3.4:5060" } } });

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(config.File));

        Assert.Contains("sctp:1.2.3.4:5060", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Request(string method) => Encoding.ASCII.GetBytes(
        $"{method} sip:1000@127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:caller@127.0.0.1>;tag=1\r\nTo: <sip:1000@127.0.0.1>\r\n" +
        $"Call-ID: {Guid.NewGuid():N}\r\nCSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n");

    private static async Task<int> FinalStatusAsync(UdpClient udp)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        while (true)
        {
            var datagram = await udp.ReceiveAsync(timeout.Token);
            var response = (SipResponse)SipMessageParser.Parse(datagram.Buffer, SipFraming.Datagram).Message!;
            if (response.StatusCode >= 200)
            {
                return response.StatusCode;
            }
        }
    }
}
