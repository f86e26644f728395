using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Messaging;
using Switchboard.Messaging.Twilio;
using Switchboard.Outbox;
using Switchboard.Testing.Twilio;

namespace Switchboard.Core.Tests.Messaging.Twilio;

public sealed class TwilioMessageSenderTests : IAsyncLifetime
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string AuthToken = "secret-token";
    private TwilioApiServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await TwilioApiServer.StartAsync(AccountSid, AuthToken);
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_sms_is_posted_with_exactly_the_fields_twilio_expects()
    {
        var sender = Sender(o => o.PublicBaseUrl = new Uri("https://switchboard.example.com/"));

        var outcome = await sender.SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "Your link: https://wa.me/x?a=1&b=é")), default);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Matches("^SM[0-9a-f]{32}$", outcome.ProviderId);
        Assert.Empty(_server.Rejections);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(["Body", "From", "StatusCallback", "To"], request.Names);
        Assert.Equal("+31612345678", request["To"]);
        Assert.Equal("+3197010000000", request["From"]);
        Assert.Equal("Your link: https://wa.me/x?a=1&b=é", request["Body"]);
        Assert.Equal("https://switchboard.example.com/twilio/messages/status", request["StatusCallback"]);
    }

    [Fact]
    public async Task A_messaging_service_replaces_from_and_no_callback_is_asked_without_a_public_url()
    {
        var sender = Sender(o => o.MessagingServiceSid = "MG11111111111111111111111111111111");

        await sender.SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "hi")), default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(["Body", "MessagingServiceSid", "To"], request.Names);
        Assert.Equal("MG11111111111111111111111111111111", request["MessagingServiceSid"]);
    }

    [Fact]
    public async Task Whatsapp_uses_whatsapp_addresses_and_a_free_form_body()
    {
        var sender = Sender(o => o.WhatsAppFrom = "+14155238886");

        await sender.SendAsync(Stored(OutgoingMessage.WhatsApp("+31612345678", "Hello from the IVR")), default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(["Body", "From", "To"], request.Names);
        Assert.Equal("whatsapp:+31612345678", request["To"]);
        Assert.Equal("whatsapp:+14155238886", request["From"]);
    }

    [Fact]
    public async Task A_whatsapp_template_sends_content_sid_and_variables_instead_of_a_body()
    {
        var sender = Sender();

        await sender.SendAsync(Stored(OutgoingMessage.WhatsAppTemplate("+31612345678", "HX0123456789abcdef0123456789abcdef", """{"1":"12/1","2":"3pm"}""")), default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(["ContentSid", "ContentVariables", "From", "To"], request.Names);
        Assert.Equal("whatsapp:+3197010000000", request["From"]);
        Assert.Equal("HX0123456789abcdef0123456789abcdef", request["ContentSid"]);
        Assert.Equal("""{"1":"12/1","2":"3pm"}""", request["ContentVariables"]);
    }

    [Theory]
    [InlineData(400, 21211, "The 'To' number +310 is not a valid phone number.")]
    [InlineData(400, 21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number")]
    [InlineData(400, 21610, "Attempt to send to unsubscribed recipient")]
    [InlineData(400, 21614, "'To' number is not a valid mobile number")]
    [InlineData(400, 21635, "'To' number cannot be a landline")]
    [InlineData(400, 21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination.")]
    [InlineData(400, 21612, "The 'To' phone number is not currently reachable via SMS")]
    [InlineData(401, 20003, "Authenticate")]
    [InlineData(400, 21602, "Message body is required.")]
    public async Task Permanent_errors_carry_twilios_code_and_message(int status, int code, string message)
    {
        _server.Then(TwilioApiReply.Error(status, code, message));

        var outcome = await Sender().SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "hi")), default);

        Assert.Equal(SendOutcome.Permanent(code.ToString(System.Globalization.CultureInfo.InvariantCulture), message), outcome);
    }

    [Theory]
    [InlineData(429, 20429, "Too Many Requests")]
    [InlineData(500, 20500, "Internal Server Error")]
    [InlineData(503, 20503, "Service Unavailable")]
    public async Task Rate_limits_and_server_errors_are_transient(int status, int code, string message)
    {
        _server.Then(TwilioApiReply.Error(status, code, message) with { RetryAfter = "7" });

        var outcome = await Sender().SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "hi")), default);

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.ErrorCode);
        Assert.Equal(message, outcome.ErrorMessage);
        Assert.Equal(TimeSpan.FromSeconds(7), outcome.RetryAfter);
    }

    [Fact]
    public async Task A_gateway_error_without_twilio_json_keeps_the_http_status()
    {
        _server.Then(TwilioApiReply.Plain(502, "<html>Bad Gateway</html>"));

        var outcome = await Sender().SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "hi")), default);

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Equal("502", outcome.ErrorCode);
        Assert.Equal("HTTP 502 Bad Gateway: <html>Bad Gateway</html>", outcome.ErrorMessage);
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_by_the_server_and_reported_permanent()
    {
        var outcome = await Sender(o => o.AuthToken = "wrong").SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "hi")), default);

        Assert.Equal(SendOutcome.Permanent("20003", "Authenticate"), outcome);
        Assert.StartsWith("authorization", Assert.Single(_server.Rejections), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_is_transient()
    {
        _server.Then(new TwilioApiReply(201, "{}", Delay: TimeSpan.FromSeconds(5)));

        var outcome = await Sender(o => o.RequestTimeout = TimeSpan.FromMilliseconds(200)).SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "hi")), default);

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.Contains("no answer from Twilio", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_connection_is_transient()
    {
        var closedPort = _server.BaseUrl;
        await _server.DisposeAsync();
        _server = await TwilioApiServer.StartAsync(AccountSid, AuthToken);

        var outcome = await Sender(o => o.ApiBaseUrl = closedPort).SendAsync(Stored(OutgoingMessage.Sms("+31612345678", "hi")), default);

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
        Assert.StartsWith("cannot reach Twilio", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_account_without_its_token_names_the_environment_variable()
    {
        var options = new TwilioOptions { AccountSid = AccountSid, From = "+3197010000000" };

        Assert.Equal(["Twilio:AuthToken (set the environment variable Twilio__AuthToken)"], options.MissingSettings());
        Assert.Empty(new TwilioOptions().MissingSettings());
    }

    private TwilioMessageSender Sender(Action<TwilioOptions>? configure = null)
    {
        var options = new TwilioOptions { AccountSid = AccountSid, AuthToken = AuthToken, From = "+3197010000000", ApiBaseUrl = _server.BaseUrl };
        configure?.Invoke(options);
        return new TwilioMessageSender(_services.GetRequiredService<IHttpClientFactory>(), Options.Create(options));
    }

    private static StoredMessage Stored(OutgoingMessage message) => new()
    {
        Id = Guid.NewGuid().ToString(),
        IdempotencyKey = "k",
        Message = message,
        Status = MessageStatus.Sending,
    };
}
