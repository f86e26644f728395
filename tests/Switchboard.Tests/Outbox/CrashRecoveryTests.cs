using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Cli;
using Switchboard.Outbox;
using Switchboard.Testing;
using Switchboard.Testing.Twilio;
using Switchboard.Tests.Hosting;
using Xunit.Abstractions;

namespace Switchboard.Tests.Outbox;

/// <summary>The real server process, killed with SIGKILL while it dispatches, then restarted: nothing may be lost.</summary>
[Trait("Category", Categories.Interop)]
public sealed class CrashRecoveryTests(ITestOutputHelper log)
{
    private const int Messages = 200;
    private const int MaxParallelSends = 4;

    [Fact]
    public async Task Every_message_arrives_after_a_kill_9_and_duplicates_stay_within_the_sends_in_flight()
    {
        await using var twilio = await TwilioApiServer.StartAsync();
        twilio.AcceptDelay = TimeSpan.FromMilliseconds(40);
        using var config = new TestServerConfig(new()
        {
            ["Twilio"] = new { AccountSid = "AC00000000000000000000000000000001", AuthToken = "test-auth-token", From = "+3197010000000", ApiBaseUrl = twilio.BaseUrl },
            ["Outbox"] = new { Lease = "00:00:02", PollInterval = "00:00:00.100", BatchSize = 8, MaxParallelSends },
        });
        await EnqueueAsync(config.File);

        using (var first = StartServer(config.File))
        {
            await WaitUntilAsync(() => twilio.Requests.Count >= Messages / 3, TimeSpan.FromSeconds(60), "the first process did not start sending");
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await first.WaitForExitAsync();
        }

        var beforeRestart = twilio.Requests.Count;
        Assert.InRange(beforeRestart, Messages / 3, Messages - 1);
        using (var second = StartServer(config.File))
        {
            await WaitUntilAsync(() => AllSentAsync(config.File), TimeSpan.FromSeconds(60), "not every message was sent after the restart");
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var arrivals = twilio.Requests.GroupBy(r => r["Body"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Messages, arrivals.Count);
        Assert.All(Enumerable.Range(0, Messages), i => Assert.True(arrivals.ContainsKey($"message {i}"), $"message {i} never arrived"));
        var duplicates = twilio.Requests.Count - Messages;
        log.WriteLine($"{beforeRestart} requests before the kill, {twilio.Requests.Count} in all: {duplicates} duplicate(s)");
        Assert.InRange(duplicates, 0, MaxParallelSends);
    }

    private static async Task EnqueueAsync(FileInfo config)
    {
        await using var services = await MessagingCli.OpenAsync(config, default);
        var outbox = services.GetRequiredService<IOutbox>();
        for (var i = 0; i < Messages; i++)
        {
            await outbox.EnqueueAsync(OutgoingMessage.Sms($"+316123456{i % 100:D2}", $"message {i}"), $"crash-{i}", default);
        }
    }

    private static async Task<bool> AllSentAsync(FileInfo config)
    {
        await using var services = await MessagingCli.OpenAsync(config, default);
        var messages = await services.GetRequiredService<IOutbox>().ListAsync(Messages + 1, default);
        return messages.Count == Messages && messages.All(m => m.Status == MessageStatus.Sent && m.ProviderId is not null);
    }

    private static Process StartServer(FileInfo config)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "switchboard.dll"), "run", "--config", config.FullName },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failure) =>
        await WaitUntilAsync(() => Task.FromResult(condition()), timeout, failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
