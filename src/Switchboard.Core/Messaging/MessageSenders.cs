using Switchboard.Outbox;

namespace Switchboard.Messaging;

/// <summary>The configured providers by channel, and for each channel without one the reason to show.</summary>
public sealed class MessageSenders
{
    private readonly Dictionary<MessageChannel, IMessageSender> _byChannel = [];

    /// <summary>Indexes <paramref name="senders"/> by the channels they serve.</summary>
    public MessageSenders(IEnumerable<IMessageSender> senders)
    {
        ArgumentNullException.ThrowIfNull(senders);
        foreach (var sender in senders)
        {
            foreach (var channel in sender.Channels)
            {
                _byChannel[channel] = sender;
            }
        }
    }

    /// <summary>The channels that have a provider.</summary>
    public IReadOnlyCollection<MessageChannel> Configured => _byChannel.Keys;

    /// <summary>The provider for <paramref name="channel"/>, or null.</summary>
    public IMessageSender? For(MessageChannel channel) => _byChannel.GetValueOrDefault(channel);

    /// <summary>Null when <paramref name="channel"/> can be sent; otherwise why not, naming the settings to set.</summary>
    public string? WhyUnavailable(MessageChannel channel) => _byChannel.ContainsKey(channel) ? null : channel switch
    {
        MessageChannel.Email => "no e-mail provider is configured (set Smtp:Host and Smtp:From)",
        _ => $"no {(channel == MessageChannel.Sms ? "SMS" : "WhatsApp")} provider is configured " +
             "(set Twilio:AccountSid, Twilio:From or Twilio:MessagingServiceSid, and the environment variable Twilio__AuthToken)",
    };
}
