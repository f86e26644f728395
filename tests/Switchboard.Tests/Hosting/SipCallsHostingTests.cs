using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Tests.Hosting;

/// <summary>The SIP front-end as the server wires it: its settings, the route check at start, and one call over raw UDP.</summary>
public sealed class SipCallsHostingTests
{
    [Theory]
    [InlineData("""{ "RtpPorts": "20000-10000" }""", "Sip:RtpPorts")]
    [InlineData("""{ "RtpAddress": "somewhere" }""", "Sip:RtpAddress")]
    [InlineData("""{ "RtpAdvertisedAddress": "0.0.0.0" }""", "Sip:RtpAdvertisedAddress")]
    [InlineData("""{ "Codecs": ["PCMA", "G729"] }""", "Sip:Codecs:1")]
    [InlineData("""{ "ShutdownTimeout": "soon" }""", "Sip:ShutdownTimeout")]
    [InlineData("""{ "Routes": [ { "Match": "*" } ] }""", "Sip:Routes:0:App")]
    [InlineData("""{ "Routes": [ { "Match": "*", "App": "whatsapp-link" }, { "App": "whatsapp-link" } ] }""", "Sip:Routes:1:Match")]
    [InlineData("""{ "Routes": [ { "Match": "*", "App": "whatsapp-link", "InBandDtmf": "Sometimes" } ] }""", "Sip:Routes:0:InBandDtmf")]
    [InlineData("""{ "Routes": [ { "Match": "*", "App": "whatsapp-link", "EarlyMedia": "maybe" } ] }""", "Sip:Routes:0:EarlyMedia")]
    [InlineData("""{ "Authentication": { "Users": [ { "User": "pbx", "PasswordEnv": "PATH" } ] } }""", "Sip:Authentication:Realm")]
    [InlineData("""{ "Authentication": { "Realm": "r" } }""", "Sip:Authentication:Users")]
    [InlineData("""{ "Authentication": { "Realm": "r", "Users": [ { "PasswordEnv": "PATH" } ] } }""", "Sip:Authentication:Users:0:User")]
    [InlineData("""{ "Authentication": { "Realm": "r", "Users": [ { "User": "pbx", "Password": "x" } ] } }""", "Sip:Authentication:Users:0:Password")]
    [InlineData("""{ "Authentication": { "Realm": "r", "Users": [ { "User": "pbx", "PasswordEnv": "SWITCHBOARD_TEST_UNSET_VARIABLE" } ] } }""", "Sip:Authentication:Users:0:PasswordEnv")]
    [InlineData("""{ "Authentication": { "Realm": "r", "Users": [ { "User": "pbx", "PasswordEnv": "PATH" } ], "Algorithms": ["MD4"] } }""", "Sip:Authentication:Algorithms")]
    public void A_bad_call_setting_stops_the_build_naming_its_key(string sip, string key)
    {
        using var config = new TestServerConfig(new() { ["Sip"] = WithListen(sip) });

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(config.File));

        Assert.StartsWith(key + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_route_to_an_app_that_does_not_exist_stops_the_start_naming_the_route()
    {
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = WithListen("""{ "Routes": [ { "Match": "100", "App": "whatsapp-link" }, { "Match": "200", "App": "whatsapp-link" }, { "Match": "*", "App": "no-such-app" } ] }"""),
        });
        await using var app = ServerHost.Build(config.File);

        var error = await Assert.ThrowsAsync<ConfigurationFileException>(() => app.StartAsync());

        Assert.StartsWith("Sip:Routes:2:App: 'no-such-app'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prompt_library_that_cannot_be_read_stops_the_start_naming_prompts_root()
    {
        using var config = new TestServerConfig(new() { ["Prompts"] = new { Root = "/nonexistent/prompts" } });
        await using var app = ServerHost.Build(config.File);

        var error = await Assert.ThrowsAsync<ConfigurationFileException>(() => app.StartAsync());

        Assert.StartsWith("Prompts:Root: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_sdp_is_answered_with_an_offer_takes_the_answer_from_the_ack_and_shows_in_the_live_view_until_bye()
    {
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = WithListen("""{ "RtpPorts": "41000-41019", "Routes": [ { "Match": "*", "App": "whatsapp-link" } ] }"""),
        });
        await using var app = ServerHost.Build(config.File);
        await app.StartAsync();
        var sip = app.Services.GetRequiredService<SipListener>().Agent!.Transports[0].LocalEndPoint;
        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var callId = $"{Guid.NewGuid():N}";
        var from = "<sip:+31201234567@127.0.0.1>;tag=caller1";

        await phone.SendAsync(Encoding.ASCII.GetBytes(Request("INVITE", 1, callId, from, "<sip:+31850000000@127.0.0.1>", "")), sip);
        var ok = await FinalAsync(phone, "INVITE");
        var offer = Encoding.ASCII.GetString(ok.Body.Span);
        var to = ok.Headers.Get(HeaderNames.To)!;
        await phone.SendAsync(Encoding.ASCII.GetBytes(Request("ACK", 1, callId, from, to, Answer(offer, ((IPEndPoint)rtp.Client.LocalEndPoint!).Port))), sip);
        var packet = await rtp.ReceiveAsync().WaitAsync(TimeSpan.FromSeconds(10));
        using var during = JsonDocument.Parse(await http.GetStringAsync(new Uri("/calls", UriKind.Relative)));
        await phone.SendAsync(Encoding.ASCII.GetBytes(Request("BYE", 2, callId, from, to, "")), sip);
        var bye = await FinalAsync(phone, "BYE");

        Assert.Equal(200, ok.StatusCode);
        Assert.Contains("m=audio ", offer, StringComparison.Ordinal);
        Assert.Equal(0x80, packet.Buffer[0] & 0xC0);
        Assert.Equal(1, during.RootElement.GetProperty("rtpPortsInUse").GetInt32());
        Assert.Equal(1, during.RootElement.GetProperty("activeCalls").GetInt32());
        var live = Assert.Single(during.RootElement.GetProperty("calls").EnumerateArray().ToList());
        Assert.Equal("whatsapp-link", live.GetProperty("app").GetString());
        Assert.Equal(callId, live.GetProperty("sipCallId").GetString());
        Assert.Equal(200, bye.StatusCode);
        await EventuallyAsync(async () =>
        {
            using var after = JsonDocument.Parse(await http.GetStringAsync(new Uri("/calls", UriKind.Relative)));
            return after.RootElement.GetProperty("rtpPortsInUse").GetInt32() == 0 && after.RootElement.GetProperty("activeCalls").GetInt32() == 0;
        });
        await app.StopAsync();
    }

    [Fact]
    public async Task With_sip_authentication_a_caller_outside_the_allowed_sources_is_challenged_refused_with_a_wrong_password_and_answered_with_the_right_one()
    {
        var variable = $"SWITCHBOARD_TEST_SIP_PASSWORD_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "s3cret");
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = WithListen($$"""
                { "AllowedSources": ["10.0.0.0/8"], "RtpPorts": "41020-41039", "Routes": [ { "Match": "*", "App": "whatsapp-link" } ],
                  "Authentication": { "Realm": "switchboard.test", "Algorithms": ["MD5"], "Users": [ { "User": "pbx", "PasswordEnv": "{{variable}}" } ] } }
                """),
        });
        await using var app = ServerHost.Build(config.File);
        await app.StartAsync();
        var sip = app.Services.GetRequiredService<SipListener>().Agent!.Transports[0].LocalEndPoint;
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var from = "<sip:pbx@127.0.0.1>;tag=caller2";
        var invite = (SipRequest)SipMessageParser.Parse(Encoding.ASCII.GetBytes(Request("INVITE", 1, $"{Guid.NewGuid():N}", from, "<sip:+31850000000@127.0.0.1>", "")), SipFraming.Datagram).Message!;

        var challenge = await SendAsync(phone, sip, invite);
        var wrong = await SendAsync(phone, sip, Signed(invite, challenge, "guess"));
        var right = await SendAsync(phone, sip, Signed(invite, challenge, "s3cret"));

        Assert.Equal(401, challenge.StatusCode);
        Assert.Contains("realm=\"switchboard.test\"", challenge.Headers.Get(HeaderNames.WwwAuthenticate), StringComparison.Ordinal);
        Assert.Equal(403, wrong.StatusCode);
        Assert.Equal(200, right.StatusCode);
        await app.StopAsync();
    }

    private static SipRequest Signed(SipRequest invite, SipResponse challenge, string password)
    {
        var retry = DigestAuthentication.Retry(invite, challenge, new DigestCredentials("pbx", password))!;
        retry.Headers.AddFirst(new SipHeader(HeaderNames.Via, $"SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK{Guid.NewGuid():N};rport"));
        return retry;
    }

    private static async Task<SipResponse> SendAsync(UdpClient phone, IPEndPoint sip, SipRequest request)
    {
        await phone.SendAsync(SipMessageWriter.ToBytes(request), sip);
        return await FinalAsync(phone, request.Method);
    }

    private static Dictionary<string, object> WithListen(string sip)
    {
        var settings = JsonSerializer.Deserialize<Dictionary<string, object>>(sip)!;
        settings["Listen"] = new[] { "udp:127.0.0.1:0" };
        return settings;
    }

    private static string Request(string method, int cseq, string callId, string from, string to, string sdp) =>
        $"{method} sip:+31850000000@127.0.0.1 SIP/2.0\r\n" +
        $"Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
        $"Max-Forwards: 70\r\nFrom: {from}\r\nTo: {to}\r\nCall-ID: {callId}\r\nCSeq: {cseq} {method}\r\n" +
        "Contact: <sip:caller@127.0.0.1:5999>\r\n" +
        (sdp.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
        $"Content-Length: {sdp.Length}\r\n\r\n{sdp}";

    // The answer to the server's offer: PCMA (which it offered after PCMU) at the test's RTP socket.
    private static string Answer(string offer, int port)
    {
        Assert.Contains("a=rtpmap:8 PCMA/8000", offer, StringComparison.Ordinal);
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
            $"m=audio {port} RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=sendrecv\r\n";
    }

    private static async Task<SipResponse> FinalAsync(UdpClient udp, string method)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var datagram = await udp.ReceiveAsync(timeout.Token);
            if (SipMessageParser.Parse(datagram.Buffer, SipFraming.Datagram).Message is SipResponse { StatusCode: >= 200 } response && response.CSeq?.Method == method)
            {
                return response;
            }
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the call to be released");
            await Task.Delay(50);
        }
    }
}
