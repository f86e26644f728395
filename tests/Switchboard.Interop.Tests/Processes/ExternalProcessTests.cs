using Switchboard.Testing;
using Switchboard.Testing.Processes;

namespace Switchboard.Interop.Tests.Processes;

/// <summary>The runner every peer here is started with (Switchboard.Testing's <see cref="ExternalProcess"/>), on /bin/sh scripts.</summary>
[Trait("Category", Categories.Interop)]
public sealed class ExternalProcessTests
{
    [Fact]
    public async Task A_line_on_either_stream_is_found_whether_it_came_before_or_after_the_wait_began()
    {
        await using var process = ExternalProcess.Start("sh", ["-c", "echo early; sleep 0.3; echo late >&2; sleep 5"], "Debian");

        Assert.Equal("early", await process.WaitForLineAsync(l => l == "early", TimeSpan.FromSeconds(5), "say early"));
        Assert.Equal("late", await process.WaitForLineAsync(l => l == "late", TimeSpan.FromSeconds(5), "say late"));
    }

    [Fact]
    public async Task Waiting_for_a_line_from_a_program_that_exits_without_it_fails_at_once_with_its_output()
    {
        await using var process = ExternalProcess.Start("sh", ["-c", "echo no such luck; exit 3"], "Debian");
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<TimeoutException>(() => process.WaitForLineAsync(l => l == "ready", TimeSpan.FromSeconds(30), "get ready"));

        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such luck", error.Message, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_program_that_outlives_its_limit_is_killed_and_the_error_shows_its_output()
    {
        await using var process = ExternalProcess.Start("sh", ["-c", "echo working; sleep 30"], "Debian");
        await process.WaitForLineAsync(l => l == "working", TimeSpan.FromSeconds(5), "start working");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => process.WaitForExitAsync(TimeSpan.FromMilliseconds(300)));

        Assert.Contains("working", error.Message, StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.True(process.HasExited);
    }

    [Fact]
    public async Task Stopping_sends_sigterm_so_the_program_can_shut_down_on_its_own()
    {
        await using var process = ExternalProcess.Start("sh", ["-c", "trap 'echo shutting down; exit 0' TERM; echo ready; while true; do sleep 0.05; done"], "Debian");
        await process.WaitForLineAsync(l => l == "ready", TimeSpan.FromSeconds(5), "get ready");

        await process.StopAsync(TimeSpan.FromSeconds(10));

        Assert.True(process.HasExited);
        Assert.Contains("shutting down", process.Lines);
    }

    [Fact]
    public async Task The_exit_code_comes_with_every_line_written_before_the_exit()
    {
        var (exitCode, lines) = await ExternalProcess.RunAsync("sh", ["-c", "for i in 1 2 3; do echo line $i; done; exit 7"], "Debian", TimeSpan.FromSeconds(10));

        Assert.Equal(7, exitCode);
        Assert.Equal(["line 1", "line 2", "line 3"], lines);
    }

    [Fact]
    public void A_program_that_is_not_installed_is_named_with_the_script_that_installs_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExternalProcess.Start("no-such-peer-program", [], "tests/setup/99-nothing.sh"));

        Assert.Contains("no-such-peer-program", error.Message, StringComparison.Ordinal);
        Assert.Contains("tests/setup/99-nothing.sh", error.Message, StringComparison.Ordinal);
    }
}
