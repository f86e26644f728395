namespace Switchboard.Apps.WhatsAppLink;

/// <summary>The outcomes a whatsapp-link call ends with, as the journal, the <c>calls</c> table and the simulator report them.</summary>
public static class Outcomes
{
    /// <summary>The link was put in the outbox as an SMS.</summary>
    public const string SmsSent = "sms-sent";

    /// <summary>The link was put in the outbox as a WhatsApp message.</summary>
    public const string WhatsAppSent = "whatsapp-sent";

    /// <summary>Every attempt to key in a usable mobile number failed.</summary>
    public const string NoValidNumber = "no-valid-number";

    /// <summary>The fraud guard refused to send (a limit or the budget); the caller heard why.</summary>
    public const string RefusedByGuard = "refused-by-guard";

    /// <summary>A link went to this number a few minutes ago; the caller was told so.</summary>
    public const string RecentlySent = "recently-sent";

    /// <summary>The outbox could not store the message; the caller heard an apology.</summary>
    public const string SendFailed = "send-failed";
}
