using System.Diagnostics;
using System.Net;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>Runs SIPp (Debian sip-tester, installed by tests/setup/40-sipp.sh) and reports its exit code and the tail of its output.</summary>
internal static class Sipp
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"sipp exited {ExitCode}:\n{Output}";
    }

    /// <summary>SIPp as a UAC against <paramref name="target"/>: a built-in (<c>-sn uac</c>) or given scenario file.</summary>
    public static Task<Result> CallAsync(IPEndPoint target, string transport, int calls, string scenario = "uac", params string[] extra) =>
        RunAsync([.. Scenario(scenario), "-m", $"{calls}", "-r", "50", "-l", "50", "-d", "20", "-t", transport, .. extra, target.ToString()]);

    /// <summary>Starts SIPp as a UAS on a free port and waits until it listens there; dispose the returned process to stop it.</summary>
    public static async Task<(Process Process, int Port)> StartServerAsync(string transport, string scenario = "uas", params string[] extra)
    {
        var port = ListeningSockets.FreeUdpPort();
        var process = Start([.. Scenario(scenario), "-p", $"{port}", "-t", transport, .. extra]);
        await ListeningSockets.WaitAsync(transport.StartsWith('t') ? ListeningSockets.Tcp : ListeningSockets.Udp, port, process, TimeSpan.FromSeconds(10));
        return (process, port);
    }

    public static async Task<Result> WaitAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            return new Result(-1, "timed out");
        }

        var text = (await output) + (await errors);
        return new Result(process.ExitCode, text.Length > 4000 ? text[^4000..] : text);
    }

    private static async Task<Result> RunAsync(string[] arguments)
    {
        using var process = Start(arguments);
        return await WaitAsync(process, TimeSpan.FromSeconds(120));
    }

    private static string[] Scenario(string scenario) =>
        scenario.EndsWith(".xml", StringComparison.Ordinal) ? ["-sf", scenario] : ["-sn", scenario];

    private static Process Start(string[] arguments)
    {
        var info = new ProcessStartInfo("sipp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-nostdin", "-i", "127.0.0.1", "-timeout", "90", "-timeout_error", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("sipp did not start; run tests/setup/40-sipp.sh (Debian package sip-tester).");
    }
}
