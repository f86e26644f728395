using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Messaging.Twilio;
using Switchboard.Outbox;
using Switchboard.Testing.Twilio;
using Switchboard.Tests.Hosting;

namespace Switchboard.Tests.Http;

#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public sealed class MessageStatusEndpointTests : IAsyncLifetime
{
    private const string AuthToken = "callback-token";
    private const string PublicBase = "https://switchboard.example.com";
    private TwilioApiServer _twilio = null!;
    private TestServerConfig _config = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _twilio = await TwilioApiServer.StartAsync(authToken: AuthToken);
        _config = new TestServerConfig(new()
        {
            ["Twilio"] = new { AccountSid = "AC00000000000000000000000000000001", AuthToken, From = "+3197010000000", ApiBaseUrl = _twilio.BaseUrl, PublicBaseUrl = PublicBase },
            ["Outbox"] = new { PollInterval = "00:00:00.050" },
        });
        _app = ServerHost.Build(_config.File);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _config.Dispose();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_callback_records_the_delivery_status()
    {
        var (id, sid) = await SendOneAsync();
        Assert.Equal(PublicBase + TwilioOptions.StatusCallbackPath, Assert.Single(_twilio.Requests)["StatusCallback"]);

        var response = await PostAsync(Signed(sid, "undelivered", "30003"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = await _app.Services.GetRequiredService<IOutbox>().FindAsync(id, default);
        Assert.Equal("undelivered", stored!.DeliveryStatus);
        Assert.Equal("30003", stored.DeliveryErrorCode);
    }

    [Fact]
    public async Task Unsigned_wrongly_signed_or_altered_callbacks_get_403_and_change_nothing()
    {
        var (id, sid) = await SendOneAsync();
        var genuine = Signed(sid, "delivered", "");

        var unsigned = await PostAsync((genuine.Fields, null));
        var wrongKey = await PostAsync((genuine.Fields, TwilioSignature.Compute("other-token", PublicBase + TwilioOptions.StatusCallbackPath, genuine.Fields)));
        var altered = await PostAsync(([.. genuine.Fields.Where(f => f.Key != "MessageStatus"), new("MessageStatus", "read")], genuine.Signature));

        Assert.All([unsigned, wrongKey, altered], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Null((await _app.Services.GetRequiredService<IOutbox>().FindAsync(id, default))!.DeliveryStatus);
    }

    private async Task<(string Id, string Sid)> SendOneAsync()
    {
        var outbox = _app.Services.GetRequiredService<IOutbox>();
        var id = (await outbox.EnqueueAsync(OutgoingMessage.Sms("+31612345678", "hi"), Guid.NewGuid().ToString(), default)).MessageId;
        for (var i = 0; i < 200; i++)
        {
            if ((await outbox.FindAsync(id, default))!.ProviderId is { } sid)
            {
                return (id, sid);
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the dispatcher did not send the message");
    }

    private static (List<KeyValuePair<string, string>> Fields, string? Signature) Signed(string sid, string status, string errorCode)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new("AccountSid", "AC00000000000000000000000000000001"), new("MessageSid", sid), new("SmsSid", sid),
            new("MessageStatus", status), new("ErrorCode", errorCode), new("To", "+31612345678"), new("From", "+3197010000000"),
        ];
        return (fields, TwilioSignature.Compute(AuthToken, PublicBase + TwilioOptions.StatusCallbackPath, fields));
    }

    private async Task<HttpResponseMessage> PostAsync((List<KeyValuePair<string, string>> Fields, string? Signature) callback)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioOptions.StatusCallbackPath) { Content = new FormUrlEncodedContent(callback.Fields) };
        if (callback.Signature is not null)
        {
            request.Headers.Add(TwilioSignature.Header, callback.Signature);
        }

        return await _http.SendAsync(request);
    }
}
