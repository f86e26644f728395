using System.Diagnostics;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>A real peer program (SIPp, baresip) run for one test: nothing on its input (as from /dev/null), its output
/// kept for the failure message, killed if the test ends before it does.</summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string[]> _output;

    private PeerProcess(Process process)
    {
        _process = process;
        _output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    /// <summary>Starts <paramref name="program"/> in <paramref name="folder"/>; <paramref name="install"/> says how to get it when it is missing.</summary>
    public static PeerProcess Start(string program, string folder, string install, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start)!;
            process.StandardInput.Close();
            return new PeerProcess(process);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing: {install}", e);
        }
    }

    /// <summary>Waits for <paramref name="work"/>; when the program ends first or the work fails, fails with what the program printed.</summary>
    public async Task<T> WhileRunningAsync<T>(Task<T> work)
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(work, exited) == work && work.IsCompletedSuccessfully)
        {
            return work.Result;
        }

        Kill();
        throw new InvalidOperationException($"{_process.StartInfo.FileName} failed the test: {string.Concat(await _output)}", work.Exception);
    }

    /// <summary>Waits for the program to end by itself; returns its exit code and everything it printed.</summary>
    public async Task<(int Exit, string Output)> WaitAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, string.Concat(await _output));
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }
}
