using BenchmarkDotNet.Attributes;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Prompts;
using Switchboard.Simulation;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Simulation;

/// <summary>
/// Real time per simulated call: a number-entry script (three attempts, read-back, question) run on virtual time,
/// once with every timeout expiring (about two minutes of virtual time) and once with the caller keying a number.
/// </summary>
[MemoryDiagnoser]
public class SimulatedCallBenchmarks
{
    private PromptLibrary _library = null!;

    [GlobalSetup]
    public void Setup() => _library = PromptLibrary.Load(RepoPaths.InRepo("prompts"));

    [Benchmark(Baseline = true)]
    public Task<SimulationReport> EveryTimeoutExpires() => Run("");

    [Benchmark]
    public Task<SimulationReport> KeysANumberAndConfirms() => Run("0612345678# 1");

    private async Task<SimulationReport> Run(string keys)
    {
        using var call = new SimulatedCall("bench", CallerInfo.From(CallerIdSource.SipFrom, "+31201234567"), "+31201234567",
            new VirtualTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero)), _library)
        {
            Prompts = new PromptScope("whatsapp-link", "en"),
        };
        return await CallSimulator.RunAsync(call, KeyScript.Parse(keys), ct => new NumberEntry().RunAsync(call, ct));
    }

    /// <summary>The whatsapp-link entry script without the messaging, so only the call model is measured.</summary>
    private sealed class NumberEntry : ICallFlow
    {
        public async Task RunAsync(ICall call, CancellationToken ct)
        {
            await call.AnswerAsync(ct);
            await call.PlayAsync(Prompt.Of("cannot_text_caller"), ct);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var entry = await call.CollectDigitsAsync(new DigitsRequest
                {
                    Prompt = Prompt.Of("enter_mobile"),
                    FlushTypeAhead = attempt > 0,
                    ClearKey = '*',
                    FirstDigitTimeout = TimeSpan.FromSeconds(10),
                    TotalTimeout = TimeSpan.FromSeconds(30),
                    IsComplete = d => d.Length == 10,
                }, ct);
                if (entry.NoInput)
                {
                    await call.PlayAsync(Prompt.Of("no_input"), ct);
                    continue;
                }

                var answer = await call.CollectDigitsAsync(new DigitsRequest
                {
                    Prompt = Prompt.Of("you_entered").Then(Prompt.DigitsOf(entry.Digits)).Then(Prompt.Of("confirm_question")),
                    MaxDigits = 1,
                    FinishKeys = "",
                    FirstDigitTimeout = TimeSpan.FromSeconds(10),
                }, ct);
                if (answer.Digits != "2")
                {
                    break;
                }
            }

            await call.PlayAsync(Prompt.Of("goodbye"), ct);
        }
    }
}
