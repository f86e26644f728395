namespace Switchboard.Outbox;

/// <summary>How a message travels; each channel has its own provider.</summary>
public enum MessageChannel
{
    /// <summary>A text message to a phone number (Twilio).</summary>
    Sms,

    /// <summary>A WhatsApp message to a phone number (Twilio).</summary>
    WhatsApp,

    /// <summary>An e-mail (SMTP).</summary>
    Email,
}
