using System.ComponentModel;
using System.Diagnostics;

namespace Switchboard.Prompts;

/// <summary>Runs a command-line audio tool (espeak-ng, sox) as a real process and says plainly when it is not installed.</summary>
/// <param name="Program">The program name or path.</param>
/// <param name="InstallHint">How to install it, for the error when it cannot be started.</param>
internal sealed record ExternalTool(string Program, string InstallHint)
{
    /// <summary>Runs the tool with <paramref name="arguments"/>, feeding <paramref name="input"/> on standard input; returns standard output.</summary>
    /// <exception cref="PromptToolException">The tool is missing, or it failed (the message quotes its error output).</exception>
    public async Task<byte[]> RunAsync(IEnumerable<string> arguments, byte[]? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new PromptToolException($"{Program} is not installed or cannot be started ({e.Message}). {InstallHint}", e);
        }

        try
        {
            var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                if (input is not null)
                {
                    await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The tool stopped reading early (a bad argument); its exit code and error output below say why.
            }
            await Task.WhenAll(reading, errors);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                var reason = (await errors).Trim();
                throw new PromptToolException($"{Program} failed (exit code {process.ExitCode}){(reason.Length > 0 ? ": " + reason : "")}");
            }

            return output.ToArray();
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}

/// <summary>An external audio tool is missing or failed; the message says which and what to do.</summary>
internal sealed class PromptToolException(string message, Exception? inner = null) : Exception(message, inner);
