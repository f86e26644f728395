using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Switchboard.Tests.Hosting;

/// <summary>
/// <c>switchboard run --config FILE</c> as a real child process, with its own environment variables and every line it
/// prints kept, so a test can wait for a log line, read an address from it, and stop the server the way a user does (SIGTERM).
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ServerProcess(Process process) => _process = process;

    /// <summary>Everything printed so far, stdout and stderr interleaved as they arrived.</summary>
    public string Output => string.Join('\n', _lines);

    public static ServerProcess Start(FileInfo config, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "switchboard.dll"), "run", "--config", config.FullName },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var server = new ServerProcess(Process.Start(start)!);
        server._process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for a printed line containing <paramref name="text"/> and returns it; fails when the server exits first.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                Assert.Fail($"the server exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
            }

            Assert.True(deadline.Elapsed < limit, $"the server did not print '{text}' within {limit.TotalSeconds} s:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>The HTTP base address the server printed when it started listening.</summary>
    public async Task<Uri> HttpAddressAsync()
    {
        var line = await WaitForLineAsync("HTTP listening on ", TimeSpan.FromSeconds(60));
        return new Uri(HttpAddress().Match(line).Value);
    }

    /// <summary>Sends SIGTERM, as systemd or Ctrl+C would, and returns the exit code once the server has shut down.</summary>
    public async Task<int> TerminateAsync(TimeSpan limit)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    [GeneratedRegex(@"http://[^\s]+")]
    private static partial Regex HttpAddress();
}
