using System.Diagnostics;
using System.Text;
using Switchboard.Testing;

namespace Switchboard.Numbers.Tests.Interop;

/// <summary>The shared corpus with libphonenumber-js's reading of every input, made once per test run by the Node oracle.</summary>
internal static class OracleCorpus
{
    private static readonly Lazy<string[]> Lines = new(Build);

    /// <summary>The corpus lines: region, input, then libphonenumber-js's columns (see tests/oracles/numbers-oracle.mjs).</summary>
    public static string[] Load() => Lines.Value;

    /// <summary>A failure message: how many findings, then the first forty.</summary>
    public static string Report(IReadOnlyList<string> findings, string what)
    {
        var report = new StringBuilder($"{findings.Count} {what}; the first ones:\n");
        foreach (var finding in findings.Take(40))
        {
            report.AppendLine(finding);
        }

        return report.ToString();
    }

    private static string[] Build()
    {
        var oracles = RepoPaths.InRepo("tests", "oracles");
        if (!Directory.Exists(Path.Combine(oracles, "node_modules", "libphonenumber-js")))
        {
            throw new InvalidOperationException("libphonenumber-js is not installed: run ./test.sh (or `cd tests/oracles && npm ci`).");
        }

        var file = Path.Combine(Path.GetTempPath(), $"switchboard-numbers-corpus-{Guid.NewGuid():N}.tsv");
        try
        {
            var start = new ProcessStartInfo("node", ["numbers-oracle.mjs", "expect", file])
            {
                WorkingDirectory = oracles,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var node = Process.Start(start)!;
            var error = node.StandardError.ReadToEndAsync();
            node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            if (node.ExitCode != 0)
            {
                throw new InvalidOperationException($"The Node oracle failed ({node.ExitCode}): {error.Result}");
            }

            return File.ReadAllLines(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
