namespace Switchboard.Messaging.Smtp;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (a relay on the local network or localhost).</summary>
    None,

    /// <summary>Upgraded with STARTTLS before anything else is sent; the server's certificate must be trusted.</summary>
    StartTls,
}
