namespace Switchboard.Outbox;

/// <summary>A message a flow or the CLI wants sent; the outbox stores it and a provider sends it later.</summary>
public sealed record OutgoingMessage
{
    /// <summary>How it travels.</summary>
    public required MessageChannel Channel { get; init; }

    /// <summary>The recipient: an E.164 number (+31612345678) for SMS and WhatsApp, an address for e-mail.</summary>
    public required string To { get; init; }

    /// <summary>The text (free-form SMS, WhatsApp inside the customer-service window, e-mail body).</summary>
    public string? Body { get; init; }

    /// <summary>The e-mail subject.</summary>
    public string? Subject { get; init; }

    /// <summary>Overrides the configured sender (number, WhatsApp sender or e-mail address) for this message.</summary>
    public string? From { get; init; }

    /// <summary>An approved template (Twilio ContentSid) for WhatsApp outside the customer-service window.</summary>
    public string? TemplateId { get; init; }

    /// <summary>The template's variables as a JSON object, e.g. <c>{"1":"12:30"}</c>.</summary>
    public string? TemplateVariables { get; init; }

    /// <summary>Who caused the message (the caller's E.164 number), for the per-caller limit and the audit trail.</summary>
    public string? Caller { get; init; }

    /// <summary>A text message.</summary>
    public static OutgoingMessage Sms(string to, string body, string? caller = null) =>
        new() { Channel = MessageChannel.Sms, To = to, Body = body, Caller = caller };

    /// <summary>A free-form WhatsApp message (only inside the 24-hour customer-service window).</summary>
    public static OutgoingMessage WhatsApp(string to, string body, string? caller = null) =>
        new() { Channel = MessageChannel.WhatsApp, To = to, Body = body, Caller = caller };

    /// <summary>A WhatsApp template message (allowed outside the customer-service window).</summary>
    public static OutgoingMessage WhatsAppTemplate(string to, string templateId, string? variablesJson, string? caller = null) =>
        new() { Channel = MessageChannel.WhatsApp, To = to, TemplateId = templateId, TemplateVariables = variablesJson, Caller = caller };

    /// <summary>An e-mail.</summary>
    public static OutgoingMessage Email(string to, string subject, string body) =>
        new() { Channel = MessageChannel.Email, To = to, Subject = subject, Body = body };

    /// <summary>Why this message cannot be sent as it is, or null when it is complete.</summary>
    public string? Problem() => this switch
    {
        _ when string.IsNullOrWhiteSpace(To) => "a recipient (To) is required",
        { Channel: MessageChannel.Sms, Body: null or "" } => "an SMS needs a body",
        { Channel: MessageChannel.WhatsApp, Body: null or "", TemplateId: null or "" } => "a WhatsApp message needs a body or a template",
        { Channel: MessageChannel.Email, Subject: null or "" } => "an e-mail needs a subject",
        { Channel: MessageChannel.Email, Body: null } => "an e-mail needs a body",
        _ => null,
    };
}
