using System.Globalization;
using System.Net;
using Switchboard.Testing;
using Switchboard.Testing.Network;
using Switchboard.Testing.Processes;

namespace Switchboard.Interop.Tests.Peers;

/// <summary>
/// SIPp (Debian sip-tester, installed by tests/setup/40-sipp.sh) placing one call with a scenario from Scenarios/, on ports
/// of its own, with its message trace kept so a failure shows what was said.
/// </summary>
public static class Sipp
{
    private const string InstalledBy = "tests/setup/40-sipp.sh (Debian package sip-tester)";

    /// <summary>The longest a call may take: SIPp then fails it (exit code 1), and is killed 10 s later if still running.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The outcome of one SIPp run: its exit code (0: the call followed the scenario), its output and message trace.</summary>
    public sealed record Result(int ExitCode, string Output, string Messages)
    {
        /// <inheritdoc />
        public override string ToString() => $"sipp exited {ExitCode}:\n{Output}\n--- messages (last part) ---\n{Messages}";
    }

    /// <summary>One SIPp call to the business number (the Request-URI and To user).</summary>
    /// <param name="Scenario">The file name under Scenarios/.</param>
    /// <param name="Target">The server's SIP address (or a proxy's).</param>
    /// <param name="Caller">The user part of the From URI, e.g. <c>+31201234567</c>.</param>
    public sealed record Dial(string Scenario, IPEndPoint Target, string Caller)
    {
        /// <summary><c>u1</c> (UDP) or <c>t1</c> (TCP).</summary>
        public string Transport { get; init; } = "u1";

        /// <summary>The RTP port the scenario's SDP offers; null: SIPp's own media port.</summary>
        public int? SdpMediaPort { get; init; }

        /// <summary>Where SIPp runs, so scenario files can name media files relative to it; null: a scratch folder of its own.</summary>
        public string? WorkingDirectory { get; init; }
    }

    /// <summary>Places <paramref name="call"/> and waits for SIPp to finish.</summary>
    public static async Task<Result> RunAsync(Dial call)
    {
        using var scratch = new TempFolder("sipp-");
        var mediaPort = FreePorts.Udp() & ~1;
        var messages = scratch.File("messages.log");
        var arguments = new List<string>
        {
            "-sf", Path.Combine(AppContext.BaseDirectory, "Scenarios", call.Scenario),
            "-i", "127.0.0.1", "-mi", "127.0.0.1",
            "-p", Port(FreePorts.Udp()), "-mp", Port(mediaPort),
            "-t", call.Transport, "-s", Server.CallServerFixture.BusinessNumber, "-m", "1",
            "-key", "caller", call.Caller,
            "-key", "sdp_media_port", Port(call.SdpMediaPort ?? mediaPort),
            "-nostdin", "-timeout", Port((int)Limit.TotalSeconds), "-timeout_error",
            "-trace_msg", "-message_file", messages,
            call.Target.ToString(),
        };
        await using var process = ExternalProcess.Start("sipp", arguments, InstalledBy, call.WorkingDirectory ?? scratch.Path);
        var exitCode = await process.WaitForExitAsync(Limit + TimeSpan.FromSeconds(10));
        var trace = File.Exists(messages) ? await File.ReadAllTextAsync(messages) : "(no message trace)";
        return new Result(exitCode, process.Tail(30), trace.Length > 6000 ? trace[^6000..] : trace);
    }

    private static string Port(int value) => value.ToString(CultureInfo.InvariantCulture);
}
