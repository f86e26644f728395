using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Outbox;
using Switchboard.Sms;

namespace Switchboard.Apps.WhatsAppLink;

/// <summary>The options of a whatsapp-link instance (<c>Apps:&lt;id&gt;</c>), read and checked when the app starts.</summary>
public sealed record WhatsAppLinkOptions
{
    /// <summary>The region for numbers without a country code (<c>DefaultRegion</c>; default <c>Numbers:DefaultRegion</c>, else NL).</summary>
    public required string DefaultRegion { get; init; }

    /// <summary>The WhatsApp business number the link opens a chat with (<c>WhatsAppNumber</c>); unset: the number the caller dialled.</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary>The text pre-filled in the caller's WhatsApp (<c>PrefilledText</c>).</summary>
    public string PrefilledText { get; init; } = "Hello!";

    /// <summary>The message sent (<c>MessageTemplate</c>).</summary>
    public required MessageTemplate Template { get; init; }

    /// <summary>How the link is sent (<c>Channel</c>: sms or whatsapp).</summary>
    public MessageChannel Channel { get; init; } = MessageChannel.Sms;

    /// <summary>How many times the caller may key in a number (<c>MaxAttempts</c>).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait for the first key of a number (<c>FirstDigitTimeoutSeconds</c>).</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait for each next key (<c>InterDigitTimeoutSeconds</c>).</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The whole entry from the end of the prompt (<c>TotalTimeoutSeconds</c>).</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait for 1 or 2 after the read-back (<c>ConfirmTimeoutSeconds</c>).</summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether silence at the question confirms the number (<c>SilenceConfirms</c>); otherwise it is asked again.</summary>
    public bool SilenceConfirms { get; init; } = true;

    /// <summary>How often the question is asked again after another key (<c>QuestionRepeats</c>) before it counts as 2.</summary>
    public int QuestionRepeats { get; init; } = 2;

    /// <summary>The caller-id sources tried in order (<c>CallerSources</c>).</summary>
    public IReadOnlyList<CallerIdSource> CallerSources { get; init; } = CallerNumber.DefaultOrder;

    /// <summary>The longest extension the caller id may be without counting as a number (from <c>Numbers:MaxExtensionDigits</c>, else 4; there is no per-app setting).</summary>
    public int MaxExtensionDigits { get; init; } = 4;

    /// <summary>Reads and checks the options of an instance; a bad value throws <see cref="AppOptionsException"/> naming its key.</summary>
    public static WhatsAppLinkOptions Read(AppSettings settings)
    {
        var options = settings.Options;
        var templateText = options.Text("MessageTemplate", "Chat with us on WhatsApp: {whatsapp_link}");
        var template = MessageTemplate.TryParse(templateText, out var problem) ?? throw options.Fault("MessageTemplate", problem!);
        var whatsAppNumber = options.Text("WhatsAppNumber", "") is { Length: > 0 } configured ? configured : null;
        if (whatsAppNumber is not null &&
            (!whatsAppNumber.StartsWith('+') || whatsAppNumber.Count(char.IsAsciiDigit) < 6 || whatsAppNumber[1..].Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-'))))
        {
            throw options.Fault("WhatsAppNumber", $"'{whatsAppNumber}' is not an international number such as +31201234567");
        }

        var read = new WhatsAppLinkOptions
        {
            DefaultRegion = options.Text("DefaultRegion", settings.Root["Numbers:DefaultRegion"] is { Length: > 0 } region ? region : "NL").ToUpperInvariant(),
            WhatsAppNumber = whatsAppNumber,
            PrefilledText = options.Text("PrefilledText", "Hello!"),
            Template = template,
            Channel = options.Choice("Channel", MessageChannel.Sms),
            MaxAttempts = options.Number("MaxAttempts", 3, 1, 10),
            FirstDigitTimeout = options.Seconds("FirstDigitTimeoutSeconds", 10, 1, 120),
            InterDigitTimeout = options.Seconds("InterDigitTimeoutSeconds", 5, 1, 60),
            TotalTimeout = options.Seconds("TotalTimeoutSeconds", 30, 1, 300),
            ConfirmTimeout = options.Seconds("ConfirmTimeoutSeconds", 10, 1, 60),
            SilenceConfirms = options.Flag("SilenceConfirms", true),
            QuestionRepeats = options.Number("QuestionRepeats", 2, 0, 5),
            CallerSources = options.Choices("CallerSources", CallerNumber.DefaultOrder),
            MaxExtensionDigits = int.TryParse(settings.Root["Numbers:MaxExtensionDigits"], out var ext) ? ext : 4,
        };
        if (read.Channel == MessageChannel.Email)
        {
            throw options.Fault("Channel", "'email' cannot carry the link to a phone; use sms or whatsapp");
        }

        var longest = template.Render(new MessageValues(
            MessageTemplate.WhatsAppLink(read.WhatsAppNumber ?? "+999999999999999", read.PrefilledText), "+999999999999999", "+999999999999999", new DateOnly(2000, 12, 31)));
        if (SmsTextCheck.Of($"{settings.Section.Path}:MessageTemplate", longest) is { IsTooLong: true } check)
        {
            throw options.Fault("MessageTemplate", check.Describe());
        }

        return read;
    }
}
