using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Prompts;

namespace Switchboard.Core.Tests.Simulation;

/// <summary>A small flow for driving the simulator: welcome, a four-digit PIN, read it back.</summary>
internal sealed class PinFlow : ICallFlow
{
    public async Task RunAsync(ICall call, CancellationToken ct)
    {
        await call.AnswerAsync(ct);
        await call.PlayAsync(Prompt.Of("welcome"), ct);
        var pin = await call.CollectDigitsAsync(new DigitsRequest
        {
            Prompt = Prompt.Of("enter_pin"), MaxDigits = 4, ClearKey = '*',
            FirstDigitTimeout = TimeSpan.FromSeconds(10), InterDigitTimeout = TimeSpan.FromSeconds(5), TotalTimeout = TimeSpan.FromSeconds(30),
        }, ct);
        if (pin.NoInput)
        {
            await call.PlayAsync(Prompt.Of("goodbye"), ct);
            call.Journal.SetOutcome("no-pin");
            return;
        }

        await call.PlayAsync(Prompt.Of("you_entered").Then(Prompt.DigitsOf(pin.Digits)), bargeIn: true, ct);
        call.Journal.Decision($"pin {pin.Digits} ({pin.End})");
        call.Journal.SetOutcome("pin-entered");
        await call.HangUpAsync(ct);
    }
}
