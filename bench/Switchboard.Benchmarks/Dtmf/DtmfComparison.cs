using System.Diagnostics;
using System.Globalization;
using System.Text;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Tests.Dtmf;

namespace Switchboard.Benchmarks.Dtmf;

/// <summary>Runs the in-band conformance and talk-off suites through Switchboard's detector and spandsp's, and prints
/// the results as a Markdown table with a one-pass throughput ratio (<c>-- dtmf-table</c>).</summary>
internal static class DtmfComparison
{
    public static void Print(TextWriter output)
    {
        var cases = DtmfConformance.Cases().ToList();
        foreach (var (voice, text) in SpeechSamples.Texts)
        {
            cases.Add(new DtmfCase("talk-off", $"speech, espeak-ng voice {voice}", SpeechSamples.Load(voice, text), ""));
        }

        output.WriteLine("| group | signal | expected | Switchboard | spandsp |");
        output.WriteLine("|---|---|---|---|---|");
        int ours = 0, theirs = 0;
        foreach (var c in cases)
        {
            var switchboard = Switchboard(c.Signal);
            var spandsp = SpandspDtmfDetector.Detect(c.Signal);
            ours += switchboard == c.Expected ? 1 : 0;
            theirs += spandsp == c.Expected ? 1 : 0;
            output.WriteLine($"| {c.Group} | {c.Name} | {Describe(c.Expected, c.Expected)} | {Describe(switchboard, c.Expected)} | {Describe(spandsp, c.Expected)} |");
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rows passed: Switchboard {ours}/{cases.Count}, spandsp {theirs}/{cases.Count}."));
        var seconds = cases.Sum(c => c.Signal.Length) / 8000.0;
        var (oursTime, theirsTime) = Time(() => cases.ForEach(c => Switchboard(c.Signal)), () => cases.ForEach(c => SpandspDtmfDetector.Detect(c.Signal)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Best pass over {seconds:F0} s of audio (15 interleaved rounds): Switchboard {oursTime.TotalMilliseconds:F0} ms, spandsp {theirsTime.TotalMilliseconds:F0} ms (throughput ratio {theirsTime / oursTime:F2}x)."));
    }

    private static string Describe(string found, string expected)
    {
        if (expected.Length == 0)
        {
            return found.Length == 0 ? "none ✓" : $"{found.Length} false ✗ ({Shorten(found)})";
        }

        var mark = found == expected ? "✓" : "✗";
        return found == expected ? $"{found.Length}/{expected.Length} {mark}" : $"`{Shorten(found)}` {mark}";
    }

    private static string Shorten(string digits) => digits.Length <= 20 ? digits : digits[..20] + "…";

    private static string Switchboard(short[] signal)
    {
        var digits = new StringBuilder();
        var detector = new DtmfDetector(t =>
        {
            if (t.Kind == DtmfEventKind.Ended)
            {
                digits.Append(t.Digit);
            }
        });
        detector.Process(signal);
        detector.Flush();
        return digits.ToString();
    }

    // Best of fifteen rounds each, the two taking turns so that a busy spell on the shared machine hits both alike, after
    // enough warm-up runs for the JIT to settle on optimised code.
    private static (TimeSpan First, TimeSpan Second) Time(Action first, Action second)
    {
        for (var i = 0; i < 10; i++)
        {
            first();
            second();
        }

        var best = (First: TimeSpan.MaxValue, Second: TimeSpan.MaxValue);
        for (var i = 0; i < 15; i++)
        {
            best.First = Min(best.First, Measure(first));
            best.Second = Min(best.Second, Measure(second));
        }

        return best;
    }

    private static TimeSpan Measure(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
