using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Switchboard.Numbers;

namespace Switchboard.Cli;

/// <summary>Writes one <see cref="NumberReading"/> as one output line: a JSON object or a table row.</summary>
internal static class NumberReadingOutput
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The table's header (written before rows when numbers come from arguments).</summary>
    public static string Header { get; } = Row("INPUT", "RESULT", "E.164", "REGION", "TYPE", "INTERNATIONAL");

    /// <summary>
    /// <c>{"input":…,"valid":…,"e164":…,"region":…,"type":…,"kind":…}</c>, plus <c>national</c>/<c>international</c>
    /// for a number, <c>extension</c> for an extension and <c>error</c> for input that is no number.
    /// </summary>
    public static string Json(NumberReading reading, NumberPlan plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            var number = reading.Number;
            json.WriteStartObject();
            json.WriteString("input", reading.Input);
            json.WriteBoolean("valid", number?.IsValid ?? false);
            json.WriteString("e164", number?.E164);
            json.WriteString("region", number?.RegionCode);
            json.WriteString("type", number?.Type.ToLibphonenumberName());
            json.WriteString("kind", KindName(reading.Kind));
            if (number is not null)
            {
                json.WriteString("international", plan.Format(number, NumberFormat.International));
                json.WriteString("national", plan.Format(number, NumberFormat.National));
            }

            if (reading.Extension is not null)
            {
                json.WriteString("extension", reading.Extension);
            }

            if (reading.Error is not null)
            {
                json.WriteString("error", reading.Error);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>A fixed-width row: the input, what it is, and the number's E.164, region, type and international form.</summary>
    public static string TableRow(NumberReading reading, NumberPlan plan)
    {
        var input = Printable(reading.Input);
        return reading switch
        {
            { Number: { } number } => Row(
                input, number.IsValid ? "valid" : "invalid", number.E164, number.RegionCode ?? "-",
                number.IsValid ? number.Type.ToLibphonenumberName() : "-", plan.Format(number, NumberFormat.International)),
            { Kind: ReadingKind.Extension } => Row(input, "extension", "-", "-", "-", reading.Extension!),
            { Kind: ReadingKind.Withheld } => Row(input, "withheld", "-", "-", "-", "-"),
            _ => Row(input, "no number", "-", "-", "-", reading.Error!),
        };
    }

    /// <summary>The JSON <c>kind</c> value: number, extension, withheld or not-a-number.</summary>
    public static string KindName(ReadingKind kind) => kind switch
    {
        ReadingKind.Number => "number",
        ReadingKind.Extension => "extension",
        ReadingKind.Withheld => "withheld",
        _ => "not-a-number",
    };

    private static string Row(string input, string result, string e164, string region, string type, string last) =>
        $"{input,-24} {result,-10} {e164,-17} {region,-6} {type,-21} {last}".TrimEnd();

    /// <summary>Control characters would break the one-line-per-input promise; show them as <c>?</c>.</summary>
    private static string Printable(string input) =>
        input.Length == 0 ? "\"\"" : string.Create(input.Length, input, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '?' : text[i];
            }
        });
}
