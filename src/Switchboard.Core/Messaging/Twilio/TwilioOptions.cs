namespace Switchboard.Messaging.Twilio;

/// <summary>The <c>Twilio:*</c> settings for sending SMS and WhatsApp and for verifying Twilio's callbacks.</summary>
public sealed class TwilioOptions
{
    /// <summary>The path of the message status callback endpoint on Switchboard's HTTP listener.</summary>
    public const string StatusCallbackPath = "/twilio/messages/status";

    /// <summary>The account (AC…); setting it turns the Twilio provider on.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The auth token: from the environment variable <c>Twilio__AuthToken</c>, never from a committed file.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164) or alphanumeric sender id.</summary>
    public string? From { get; set; }

    /// <summary>The WhatsApp sender number (E.164) when it differs from <see cref="From"/>.</summary>
    public string? WhatsAppFrom { get; set; }

    /// <summary>A Messaging Service (MG…) to send through instead of <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>The REST API's base address (a test server's, in tests).</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>Switchboard's public address as Twilio reaches it; when set, messages ask for status callbacks there.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long one API request may take before the attempt counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the Twilio provider is wanted (an account is set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid);

    /// <summary>The full status callback URL, or null without a public base URL.</summary>
    public Uri? StatusCallbackUrl => PublicBaseUrl is null ? null : new Uri(PublicBaseUrl, StatusCallbackPath);

    /// <summary>What a configured provider still lacks, each naming the setting; empty when complete or not configured.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        if (!IsConfigured)
        {
            return [];
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(AuthToken))
        {
            missing.Add("Twilio:AuthToken (set the environment variable Twilio__AuthToken)");
        }

        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(MessagingServiceSid))
        {
            missing.Add("Twilio:From or Twilio:MessagingServiceSid");
        }

        return missing;
    }
}
