namespace Switchboard.Messaging.Smtp;

/// <summary>The <c>Smtp:*</c> settings for sending e-mail.</summary>
public sealed class SmtpOptions
{
    /// <summary>The server; setting it turns the e-mail provider on.</summary>
    public string? Host { get; set; }

    /// <summary>The port (25 relay, 587 submission with STARTTLS).</summary>
    public int Port { get; set; } = 25;

    /// <summary><c>None</c> or <c>StartTls</c>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;

    /// <summary>The user for AUTH; no authentication when empty.</summary>
    public string? User { get; set; }

    /// <summary>The password for AUTH: from the environment variable <c>Smtp__Password</c>.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>Switchboard &lt;ivr@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How long one send may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when the e-mail provider is wanted (a host is set).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>What a configured provider still lacks, each naming the setting; empty when complete or not configured.</summary>
    public IReadOnlyList<string> MissingSettings()
    {
        if (!IsConfigured)
        {
            return [];
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(From))
        {
            missing.Add("Smtp:From");
        }

        if (!string.IsNullOrEmpty(User) && string.IsNullOrEmpty(Password))
        {
            missing.Add("Smtp:Password (set the environment variable Smtp__Password)");
        }

        return missing;
    }
}
