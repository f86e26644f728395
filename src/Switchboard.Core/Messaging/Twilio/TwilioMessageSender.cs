using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Switchboard.Outbox;

namespace Switchboard.Messaging.Twilio;

/// <summary>
/// Sends SMS and WhatsApp through Twilio's Messages API: one POST per attempt, read back into the
/// message id on success or Twilio's error code and text on failure.
/// </summary>
public sealed class TwilioMessageSender(IHttpClientFactory httpClients, IOptions<TwilioOptions> options) : IMessageSender
{
    /// <summary>The name of the <see cref="HttpClient"/> this sender asks the factory for.</summary>
    public const string HttpClientName = "twilio";

    private const int MaxErrorBodyInMessage = 300;

    private readonly TwilioOptions _options = options.Value;

    /// <inheritdoc />
    public IReadOnlyCollection<MessageChannel> Channels { get; } = [MessageChannel.Sms, MessageChannel.WhatsApp];

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(StoredMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var request = BuildRequest(message.Message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.RequestTimeout);
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.IsSuccessStatusCode ? ReadSuccess(response.StatusCode, body) : ReadError(response, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendOutcome.Transient(null, $"no answer from Twilio within {_options.RequestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Transient(null, $"cannot reach Twilio: {e.Message}");
        }
    }

    /// <summary>The exact request for <paramref name="message"/>: path, Basic auth and form fields.</summary>
    public HttpRequestMessage BuildRequest(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var whatsApp = message.Channel == MessageChannel.WhatsApp;
        var fields = new List<KeyValuePair<string, string>> { new("To", Address(message.To, whatsApp)) };
        if (message.From is { Length: > 0 } from)
        {
            fields.Add(new("From", Address(from, whatsApp)));
        }
        else if (_options.MessagingServiceSid is { Length: > 0 } service)
        {
            fields.Add(new("MessagingServiceSid", service));
        }
        else
        {
            fields.Add(new("From", Address(whatsApp ? _options.WhatsAppFrom ?? _options.From! : _options.From!, whatsApp)));
        }

        if (message.TemplateId is { Length: > 0 } template)
        {
            fields.Add(new("ContentSid", template));
            if (message.TemplateVariables is { Length: > 0 } variables)
            {
                fields.Add(new("ContentVariables", variables));
            }
        }
        else
        {
            fields.Add(new("Body", message.Body ?? ""));
        }

        if (_options.StatusCallbackUrl is { } callback)
        {
            fields.Add(new("StatusCallback", callback.AbsoluteUri));
        }

        var url = new Uri(_options.ApiBaseUrl, $"/2010-04-01/Accounts/{Uri.EscapeDataString(_options.AccountSid!)}/Messages.json");
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}"));
        return new HttpRequestMessage(HttpMethod.Post, url)
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", credentials), Accept = { new MediaTypeWithQualityHeaderValue("application/json") } },
            Content = new FormUrlEncodedContent(fields),
        };
    }

    private static string Address(string number, bool whatsApp) =>
        whatsApp && !number.StartsWith("whatsapp:", StringComparison.Ordinal) ? "whatsapp:" + number : number;

    private static SendOutcome ReadSuccess(HttpStatusCode status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("sid", out var sid) && sid.GetString() is { Length: > 0 } id)
            {
                return SendOutcome.Sent(id);
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        // Twilio answered yes but without a message id: it may have accepted it, so a retry could
        // duplicate; yet without an id there is nothing to track. Treat it like a server fault.
        return SendOutcome.Transient(((int)status).ToString(CultureInfo.InvariantCulture), $"Twilio's answer has no message sid: {Truncate(body)}");
    }

    private static SendOutcome ReadError(HttpResponseMessage response, string body)
    {
        int? code = null;
        string? text = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number)
                {
                    code = c.GetInt32();
                }

                if (json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    text = m.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not Twilio's JSON (a proxy's HTML page, say): keep the HTTP status and a piece of the body.
        }

        var status = response.StatusCode;
        var errorCode = (code ?? (int)status).ToString(CultureInfo.InvariantCulture);
        var errorText = text ?? $"HTTP {(int)status} {response.ReasonPhrase}: {Truncate(body)}";
        return TwilioErrors.Classify(status, code) == SendOutcomeKind.Transient
            ? SendOutcome.Transient(errorCode, errorText, response.Headers.RetryAfter?.Delta)
            : SendOutcome.Permanent(errorCode, errorText);
    }

    private static string Truncate(string body) =>
        body.Length <= MaxErrorBodyInMessage ? body : body[..MaxErrorBodyInMessage] + "…";
}
