using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Guard;
using Switchboard.Hosting;
using Switchboard.Outbox;
using Switchboard.Sms;

namespace Switchboard.Cli;

/// <summary><c>switchboard sms send</c>: puts one SMS or WhatsApp message in the outbox, through the fraud guard, and optionally waits for the result.</summary>
internal static class SmsCommand
{
    /// <summary>Exit code when the fraud guard refuses the message.</summary>
    public const int Refused = 3;

    public static Command Create()
    {
        var config = ConfigOption.Create();
        var to = new Option<string>("--to") { Required = true, Description = "The destination number (E.164, or national in Numbers:DefaultRegion)." };
        var body = new Option<string>("--body") { Required = true, Description = "The text (at most 1,600 characters)." };
        var channel = new Option<string>("--channel")
        {
            DefaultValueFactory = _ => "sms",
            Description = "sms (default) or whatsapp.",
        };
        channel.AcceptOnlyFromAmong("sms", "whatsapp");
        var wait = new Option<bool>("--wait")
        {
            Description = "Send it now and wait for the final state (sent or failed, retries included); exit 1 when it failed.",
        };
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "A key that makes repeating this command harmless: a second send with the same key queues nothing.",
        };
        var send = new Command("send", "Queue an SMS or WhatsApp message. The fraud guard decides first: a refusal prints the " +
                                       $"reason and exits {Refused} with nothing queued.")
        {
            config, to, body, channel, wait, key,
        };
        send.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var text = result.GetValue(body)!;
            var check = SmsTextCheck.Of("--body", text);
            if (check.IsTooLong)
            {
                await error.WriteLineAsync($"switchboard: {check.Describe()}");
                return 2;
            }

            if (check.IsMultiSegment)
            {
                await error.WriteLineAsync($"switchboard: note: {check.Describe()}; each segment is billed");
            }

            try
            {
                await using var services = await MessagingCli.OpenAsync(result.GetValue(config), ct);
                var messageChannel = result.GetValue(channel) == "whatsapp" ? MessageChannel.WhatsApp : MessageChannel.Sms;
                var decision = await services.GetRequiredService<MessageGuard>().CheckAsync(new GuardRequest(result.GetValue(to)!, messageChannel), ct);
                if (!decision.Allowed)
                {
                    await error.WriteLineAsync($"switchboard: refused ({decision.Reason}): {decision.Message}");
                    return Refused;
                }

                var message = new OutgoingMessage { Channel = messageChannel, To = decision.Number!.E164, Body = text };
                var outbox = services.GetRequiredService<IOutbox>();
                var enqueued = await outbox.EnqueueAsync(message, result.GetValue(key) ?? $"cli/{Guid.NewGuid()}", ct);
                var stored = (await outbox.FindAsync(enqueued.MessageId, ct))!;
                await output.WriteLineAsync(enqueued.Created
                    ? $"{stored.Status.ToString().ToLowerInvariant()} {stored.Id}{(stored.StatusReason is null ? "" : ": " + stored.StatusReason)}"
                    : $"already queued with this key: {stored.Id} ({stored.Status.ToString().ToLowerInvariant()})");
                if (!result.GetValue(wait))
                {
                    return 0;
                }

                if (stored.Status == MessageStatus.Held)
                {
                    await error.WriteLineAsync("switchboard: cannot wait: the message is held until a provider is configured");
                    return 1;
                }

                var final = await WaitForFinalAsync(services, stored.Id, ct);
                await output.WriteLineAsync(final.Status == MessageStatus.Sent
                    ? $"sent {final.Id} provider id {final.ProviderId} after {final.Attempts} attempt(s)"
                    : $"failed {final.Id} after {final.Attempts} attempt(s): {final.ErrorCode} {final.ErrorMessage}");
                return final.Status == MessageStatus.Sent ? 0 : 1;
            }
            catch (ConfigurationFileException e)
            {
                await error.WriteLineAsync($"switchboard: {e.Message}");
                return 2;
            }
        });
        return new Command("sms", "Send text messages (SMS or WhatsApp) through the outbox.") { send };
    }

    // Runs this process's own dispatcher until the message is sent or has failed for good.
    private static async Task<StoredMessage> WaitForFinalAsync(ServiceProvider services, string id, CancellationToken ct)
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var outbox = services.GetRequiredService<IOutbox>();
        await dispatcher.StartAsync(ct);
        try
        {
            while (true)
            {
                var message = (await outbox.FindAsync(id, ct))!;
                if (message.Status is MessageStatus.Sent or MessageStatus.Failed)
                {
                    return message;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }
}
