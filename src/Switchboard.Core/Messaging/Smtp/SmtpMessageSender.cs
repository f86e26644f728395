using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Switchboard.Outbox;

namespace Switchboard.Messaging.Smtp;

/// <summary>
/// Sends e-mail over SMTP (plain or STARTTLS, with or without AUTH). The Message-ID is derived from the
/// outbox id, so a message sent twice in the at-least-once window is recognisably the same mail.
/// </summary>
public sealed class SmtpMessageSender(IOptions<SmtpOptions> options) : IMessageSender
{
    private readonly SmtpOptions _options = options.Value;

    /// <inheritdoc />
    public IReadOnlyCollection<MessageChannel> Channels { get; } = [MessageChannel.Email];

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(StoredMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = $"<{message.Id}@switchboard>";
        MailMessage mail;
        try
        {
            mail = new MailMessage(new MailAddress(message.Message.From ?? _options.From!), new MailAddress(message.Message.To))
            {
                Subject = message.Message.Subject,
                Body = message.Message.Body,
                BodyEncoding = System.Text.Encoding.UTF8,
                SubjectEncoding = System.Text.Encoding.UTF8,
                Headers = { ["Message-ID"] = messageId },
            };
        }
        catch (FormatException e)
        {
            return SendOutcome.Permanent(null, $"invalid address: {e.Message}");
        }

        using (mail)
        using (var client = CreateClient())
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await client.SendMailAsync(mail, timeout.Token);
                return SendOutcome.Sent(messageId);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return SendOutcome.Transient(null, $"no answer from {_options.Host}:{_options.Port} within {_options.Timeout.TotalSeconds:0} s");
            }
            catch (SmtpException e)
            {
                return Classify(e);
            }
        }
    }

    private SmtpClient CreateClient() => new(_options.Host, _options.Port)
    {
        EnableSsl = _options.Security == SmtpSecurity.StartTls,
        DeliveryMethod = SmtpDeliveryMethod.Network,
        Credentials = string.IsNullOrEmpty(_options.User) ? null : new NetworkCredential(_options.User, _options.Password),
        Timeout = (int)_options.Timeout.TotalMilliseconds,
    };

    // SMTP's own rule: 4xx replies are temporary, 5xx permanent; no reply at all (network) is temporary.
    private static SendOutcome Classify(SmtpException e)
    {
        var code = (int)e.StatusCode;
        var text = e.InnerException is { } inner and (IOException or SocketException) ? $"{e.Message} ({inner.Message})" : e.Message;
        return code is >= 500 and < 600
            ? SendOutcome.Permanent(code.ToString(CultureInfo.InvariantCulture), text)
            : SendOutcome.Transient(code > 0 ? code.ToString(CultureInfo.InvariantCulture) : null, text);
    }
}
