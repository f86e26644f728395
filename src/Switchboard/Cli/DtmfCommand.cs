using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;

namespace Switchboard.Cli;

/// <summary><c>switchboard dtmf detect FILE.wav [--json]</c>: finds the DTMF keys in a recording with the in-band detector.</summary>
internal static class DtmfCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A WAV recording: 16-bit PCM at any rate from 8 to 48 kHz (mono or stereo), or G.711 A-law/µ-law.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"digits\": \"…\", \"events\": [{\"digit\", \"startMs\", \"durationMs\"}]} instead of text.",
        };
        var detect = new Command("detect", "Find the DTMF keys in a recording (in-band tones, as some trunks send them).")
        {
            file,
            json,
        };
        detect.SetAction(result => Detect(
            result.GetRequiredValue(file), result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));

        return new Command("dtmf", "DTMF tools.") { detect };
    }

    private static int Detect(FileInfo file, bool json, TextWriter output, TextWriter error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"switchboard: cannot read {file.FullName}: {e.Message}");
            return 2;
        }

        var wav = WavReader.Read(bytes);
        if (!wav.IsComplete)
        {
            error.WriteLine($"switchboard: {file.FullName}: {wav.Error}");
            return 2;
        }

        var keys = new List<DtmfTone>();
        var detector = new DtmfDetector(tone =>
        {
            if (tone.Kind == DtmfEventKind.Ended)
            {
                keys.Add(tone);
            }
        });
        detector.Process(wav.Audio!.ToTelephony());
        detector.Flush();

        output.WriteLine(json ? Json(keys) : Text(keys));
        return 0;
    }

    private static string Json(List<DtmfTone> keys)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("digits", string.Concat(keys.Select(k => k.Digit)));
            writer.WriteStartArray("events");
            foreach (var key in keys)
            {
                writer.WriteStartObject();
                writer.WriteString("digit", key.Digit.ToString());
                writer.WriteNumber("startMs", (long)Math.Round(key.Start.TotalMilliseconds));
                writer.WriteNumber("durationMs", (long)Math.Round(key.Duration.TotalMilliseconds));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Text(List<DtmfTone> keys)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"digits: {(keys.Count == 0 ? "(none)" : string.Concat(keys.Select(k => k.Digit)))}");
        foreach (var key in keys)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"  {key.Digit}  at {key.Start.TotalSeconds,8:0.000} s  for {key.Duration.TotalMilliseconds,4:0} ms");
        }

        return text.ToString();
    }
}
