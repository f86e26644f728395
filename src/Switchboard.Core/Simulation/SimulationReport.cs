using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Switchboard.Calls;
using Switchboard.Prompts;

namespace Switchboard.Simulation;

/// <summary>What happened on a simulated call, as a readable transcript or as the <c>--json</c> object.</summary>
public sealed class SimulationReport
{
    internal SimulationReport(SimulatedCall call)
    {
        Scope = call.Prompts;
        HangUp = call.EndedBy ?? HangUpSide.App;
        Outcome = call.Journal.Outcome ?? (HangUp == HangUpSide.Caller ? "caller-hung-up" : "completed");
        Prompts = call.Journal.Prompts;
        Messages = call.Journal.Messages;
        Events = call.Journal.Events;
    }

    /// <summary>The call's outcome (set by the flow; <c>caller-hung-up</c> or <c>completed</c> when it set none).</summary>
    public string Outcome { get; }

    /// <summary>Who hung up.</summary>
    public HangUpSide HangUp { get; }

    /// <summary>The prompts played, in order.</summary>
    public IReadOnlyList<string> Prompts { get; }

    /// <summary>The messages put in the outbox.</summary>
    public IReadOnlyList<QueuedMessage> Messages { get; }

    /// <summary>The call's event log.</summary>
    public IReadOnlyList<CallEvent> Events { get; }

    /// <summary>The prompt scope the call ended with (app and language).</summary>
    public PromptScope Scope { get; }

    /// <summary>A transcript for people: virtual time, prompts with their text, keys, decisions, messages.</summary>
    public string ToTranscript(PromptLibrary library)
    {
        var text = new StringBuilder();
        foreach (var e in Events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Stamp(e.At)}  {Label(e.Kind),-9} ");
            if (e.Kind == CallEventKind.Prompt)
            {
                var prompt = e.Detail.StartsWith("digits/", StringComparison.Ordinal) ? Prompt.Digit(e.Detail[^1]) : Prompt.Of(e.Detail);
                text.Append(CultureInfo.InvariantCulture, $"{e.Detail}: \"{library.TextOf(Scope, prompt) ?? "(no text in the manifest)"}\"");
            }
            else
            {
                text.Append(e.Detail);
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"outcome: {Outcome} (hung up by {(HangUp == HangUpSide.Caller ? "the caller" : "the app")})\n");
        return text.ToString();
    }

    /// <summary>The report as one JSON object: outcome, prompts, messages, hangup and events.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("outcome", Outcome);
            json.WriteStartArray("prompts");
            Prompts.ToList().ForEach(json.WriteStringValue);
            json.WriteEndArray();
            json.WriteStartArray("messages");
            foreach (var message in Messages)
            {
                json.WriteStartObject();
                json.WriteString("channel", message.Channel);
                json.WriteString("to", message.To);
                json.WriteString("body", message.Body);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("hangup", HangUp == HangUpSide.Caller ? "caller" : "app");
            json.WriteStartArray("events");
            foreach (var e in Events)
            {
                json.WriteStartObject();
                json.WriteNumber("at_ms", (long)e.At.TotalMilliseconds);
                json.WriteString("kind", JsonNamingPolicy.KebabCaseLower.ConvertName(e.Kind.ToString()));
                json.WriteString("detail", e.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Stamp(TimeSpan at) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)at.TotalMinutes:00}:{at.Seconds:00}.{at.Milliseconds:000}");

    private static string Label(CallEventKind kind) => kind switch
    {
        CallEventKind.BargeIn => "barge-in",
        CallEventKind.HangUp => "hang-up",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
