using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Outbox;

namespace Switchboard.Cli;

/// <summary><c>switchboard messages list</c>: shows the outbox, newest first, with each message's status and the provider's answer.</summary>
internal static class MessagesCommand
{
    public static Command Create()
    {
        var config = ConfigOption.Create();
        var json = new Option<bool>("--json")
        {
            Description = "One JSON object per line: id, channel, to, status, statusReason, attempts, providerId, errorCode, " +
                          "errorMessage, deliveryStatus, deliveryErrorCode, createdAt, sentAt (ISO 8601 UTC).",
        };
        var limit = new Option<int>("--limit")
        {
            DefaultValueFactory = _ => 50,
            Description = "How many of the newest messages to show (default 50).",
        };
        var list = new Command("list", "List the newest messages in the outbox.") { config, json, limit };
        list.SetAction(async (result, ct) =>
        {
            var output = result.InvocationConfiguration.Output;
            try
            {
                await using var services = await MessagingCli.OpenAsync(result.GetValue(config), ct);
                var messages = await services.GetRequiredService<IOutbox>().ListAsync(result.GetValue(limit), ct);
                if (result.GetValue(json))
                {
                    foreach (var message in messages)
                    {
                        await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(message), JsonLines));
                    }
                }
                else
                {
                    await WriteTableAsync(output, messages);
                }

                return 0;
            }
            catch (ConfigurationFileException e)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"switchboard: {e.Message}");
                return 2;
            }
        });
        return new Command("messages", "Inspect the outbox (SMS, WhatsApp and e-mail messages).") { list };
    }

    // Readable '+' in numbers; the output is a terminal or a pipe, never HTML.
    private static readonly JsonSerializerOptions JsonLines = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<StoredMessage> messages)
    {
        const string Format = "{0,-36}  {1,-8}  {2,-24}  {3,-8}  {4,3}  {5,-34}  {6,-20}  {7,-20}  {8}";
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, Format,
            "ID", "CHANNEL", "TO", "STATUS", "TRY", "PROVIDER ID", "CREATED", "SENT", "ERROR / REASON / DELIVERY"));
        foreach (var m in messages)
        {
            var note = m.Status == MessageStatus.Sent
                ? (m.DeliveryStatus is null ? "" : $"delivery: {m.DeliveryStatus} {m.DeliveryErrorCode}".TrimEnd())
                : m.StatusReason ?? (m.ErrorCode is null && m.ErrorMessage is null ? "" : $"{m.ErrorCode} {m.ErrorMessage}".Trim());
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, Format,
                m.Id, m.Message.Channel.ToString().ToLowerInvariant(), m.Message.To, m.Status.ToString().ToLowerInvariant(), m.Attempts,
                m.ProviderId ?? "-", Time(m.CreatedAt), m.SentAt is { } sent ? Time(sent) : "-", note));
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> ToJson(StoredMessage m) => new()
    {
        ["id"] = m.Id,
        ["channel"] = m.Message.Channel.ToString().ToLowerInvariant(),
        ["to"] = m.Message.To,
        ["status"] = m.Status.ToString().ToLowerInvariant(),
        ["statusReason"] = m.StatusReason,
        ["attempts"] = m.Attempts,
        ["providerId"] = m.ProviderId,
        ["errorCode"] = m.ErrorCode,
        ["errorMessage"] = m.ErrorMessage,
        ["deliveryStatus"] = m.DeliveryStatus,
        ["deliveryErrorCode"] = m.DeliveryErrorCode,
        ["createdAt"] = m.CreatedAt.UtcDateTime,
        ["sentAt"] = m.SentAt?.UtcDateTime,
    };
}
