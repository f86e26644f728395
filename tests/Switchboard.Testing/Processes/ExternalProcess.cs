using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Switchboard.Testing.Processes;

/// <summary>
/// A program a test starts (a SIP peer, a proxy, the server itself): its standard output and error kept as lines in arrival
/// order, so a test can wait for a line, wait for the exit within a limit, and show the tail when something fails. Disposing
/// kills it (and its children) if it still runs.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private event Action? LineAdded;

    private ExternalProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data, _outputClosed);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, _errorClosed);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The program's name as started, for messages.</summary>
    public string Name => Path.GetFileName(_process.StartInfo.FileName);

    /// <summary>True once the program has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Every line the program wrote so far, standard output and error interleaved as they arrived.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="program"/> with <paramref name="arguments"/> (each passed as is, no shell). When the program is
    /// not installed the error says which setup script installs it (<paramref name="installedBy"/>).
    /// </summary>
    public static ExternalProcess Start(string program, IEnumerable<string> arguments, string installedBy,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        try
        {
            return new ExternalProcess(Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start."));
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} cannot be started ({e.Message}); {installedBy} installs it (./test.sh runs it).", e);
        }
    }

    /// <summary>Runs <paramref name="program"/> to its end and returns its exit code; throws <see cref="TimeoutException"/> (killing it) after <paramref name="limit"/>.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunAsync(string program, IEnumerable<string> arguments, string installedBy, TimeSpan limit)
    {
        await using var process = Start(program, arguments, installedBy);
        var exitCode = await process.WaitForExitAsync(limit);
        return (exitCode, process.Lines);
    }

    /// <summary>
    /// Waits for the first line (already written or still to come) that <paramref name="match"/> accepts and returns it. Throws
    /// with the output's tail when the program exits first or <paramref name="limit"/> passes.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan limit, string what)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                found.TrySetResult(line);
            }
        }

        LineAdded += Check;
        try
        {
            Check();
            var exited = _process.WaitForExitAsync();
            var first = await Task.WhenAny(found.Task, exited, Task.Delay(limit));
            if (first == found.Task)
            {
                return await found.Task;
            }

            if (first == exited)
            {
                // Its last lines may still be on their way.
                await OutputClosedAsync();
                Check();
                if (found.Task.IsCompleted)
                {
                    return await found.Task;
                }
            }

            var reason = first == exited ? $"exited with code {_process.ExitCode}" : $"did not within {limit.TotalSeconds:0.#} s";
            throw new TimeoutException($"Waiting for {Name} to {what}: it {reason}. Its last output:\n{Tail()}");
        }
        finally
        {
            LineAdded -= Check;
        }
    }

    /// <summary>Waits for the program to exit and returns its exit code; kills it and throws with the output's tail after <paramref name="limit"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not finish within {limit.TotalSeconds:0.#} s (killed). Its last output:\n{Tail()}");
        }

        await OutputClosedAsync();
        return _process.ExitCode;
    }

    /// <summary>Asks the program to stop (SIGTERM, as an operator or a service manager does) and kills it if it has not exited after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        await RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)], "coreutils", TimeSpan.FromSeconds(5));
        try
        {
            await WaitForExitAsync(grace);
        }
        catch (TimeoutException)
        {
            // WaitForExitAsync killed it.
        }
    }

    /// <summary>The last <paramref name="count"/> lines of output, for failure messages.</summary>
    public string Tail(int count = 40) => string.Join('\n', Lines.TakeLast(count));

    /// <summary>Kills the program and its children now (SIGKILL), if it still runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The exit can be seen before the last lines of output are read: waits (briefly) until both streams closed.</summary>
    private async Task OutputClosedAsync()
    {
        try
        {
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A child process that inherited the streams keeps them open; what arrived is enough.
        }
    }

    private void Append(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        LineAdded?.Invoke();
    }
}
