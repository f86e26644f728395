using System.Globalization;
using Switchboard.Testing;
using Switchboard.Testing.Processes;

namespace Switchboard.Interop.Tests.Audio;

/// <summary>
/// Writes what a caller's phone sends when it has no RFC 4733: DTMF tones in the audio, as headerless 8 kHz A-law that SIPp
/// streams with <c>rtp_stream</c>. sox synthesises each part (a key's two sines, or silence); the parts are joined in order.
/// </summary>
public static class DtmfToneFile
{
    private const string InstalledBy = "tests/setup/50-media.sh (Debian package sox)";

    /// <summary>One part of the file: <paramref name="Key"/> held for <paramref name="Length"/>, or silence when the key is null.</summary>
    public sealed record Part(char? Key, TimeSpan Length);

    /// <summary>The keypad's rows, each sounding one low frequency, and its columns, each one high frequency (ITU-T Q.23).</summary>
    private static readonly string[] Rows = ["123", "456", "789", "*0#"];
    private static readonly int[] RowHz = [697, 770, 852, 941];
    private static readonly int[] ColumnHz = [1209, 1336, 1477];

    /// <summary>Silence, then each of <paramref name="keys"/> for <paramref name="tone"/> with <paramref name="gap"/> after it.</summary>
    public static IEnumerable<Part> Keys(TimeSpan leadingSilence, string keys, TimeSpan tone, TimeSpan gap) =>
        [new Part(null, leadingSilence), .. keys.SelectMany(k => new[] { new Part(k, tone), new Part(null, gap) })];

    /// <summary>Writes <paramref name="parts"/> to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, IEnumerable<Part> parts)
    {
        using var folder = new TempFolder("dtmf-tones-");
        await using var output = File.Create(path);
        var index = 0;
        foreach (var part in parts)
        {
            var piece = folder.File($"{index++}.al");
            await SynthesiseAsync(piece, part);
            await using (var input = File.OpenRead(piece))
            {
                await input.CopyToAsync(output);
            }
        }
    }

    private static async Task SynthesiseAsync(string piece, Part part)
    {
        var seconds = part.Length.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        // Both sines mixed to one channel at a quarter of full scale each (about -9 dBm0 per frequency, within what phones send).
        string[] effect = part.Key is { } key
            ? ["synth", seconds, "sine", Hz(Low(key)), "sine", Hz(High(key)), "channels", "1", "vol", "0.5"]
            : ["trim", "0", seconds];
        var (exitCode, lines) = await ExternalProcess.RunAsync("sox",
            ["-n", "-r", "8000", "-c", "1", "-e", "a-law", "-t", "raw", piece, .. effect], InstalledBy, TimeSpan.FromSeconds(20));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"sox failed ({exitCode}) writing {part}: {string.Join('\n', lines)}");
        }
    }

    private static int Low(char key) => RowHz[Row(key)];

    private static int High(char key) => ColumnHz[Rows[Row(key)].IndexOf(key, StringComparison.Ordinal)];

    private static int Row(char key) => Array.FindIndex(Rows, r => r.Contains(key, StringComparison.Ordinal)) is >= 0 and var row
        ? row
        : throw new ArgumentException($"'{key}' is not a key of the 12-key pad.", nameof(key));

    private static string Hz(int frequency) => frequency.ToString(CultureInfo.InvariantCulture);
}
