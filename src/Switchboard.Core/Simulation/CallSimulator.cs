using Switchboard.Calls.Input;

namespace Switchboard.Simulation;

/// <summary>
/// Runs a flow on a <see cref="SimulatedCall"/> in virtual time, pressing the key script's groups at the moments it
/// names, and jumping the clock from one timer to the next whenever the flow waits on the call.
/// </summary>
public static class CallSimulator
{
    /// <summary>The time between two keys of one group, and before the first.</summary>
    public static readonly TimeSpan KeyInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest a simulated call may last (virtual time) before the simulated caller gives up.</summary>
    public static readonly TimeSpan CallLimit = TimeSpan.FromHours(1);

    /// <summary>Runs <paramref name="flow"/> (given the call's hang-up token) on <paramref name="call"/> with <paramref name="script"/>.</summary>
    public static async Task<SimulationReport> RunAsync(SimulatedCall call, KeyScript script, Func<CancellationToken, Task> flow)
    {
        var clock = call.Clock;
        var started = clock.GetUtcNow();
        var flowTask = Task.Run(() => flow(call.HangUpToken));
        var timers = new List<ITimer>();
        var next = 0;
        var usedWait = 0;
        var unpressed = 0;
        try
        {
            await call.WaitForFlowAsync(flowTask, seen: 0);
            while (!flowTask.IsCompleted)
            {
                var waitingOn = call.WaitingOn;
                var seen = call.Parks;
                if (unpressed == 0 && next < script.Groups.Count)
                {
                    var group = script.Groups[next];
                    var state = call.Input.State;
                    if (group.DuringPrompt && state == InputState.Playing)
                    {
                        next++;
                        unpressed = Schedule(call, group, timers, () => unpressed--);
                    }
                    else if (state == InputState.WaitingForKeys && call.Input.KeyWaits > usedWait)
                    {
                        next++;
                        usedWait = call.Input.KeyWaits;
                        unpressed = Schedule(call, group, timers, () => unpressed--);
                    }
                }

                if (clock.NextDue is not { } due)
                {
                    call.Journal.Decision("simulation: the flow waits for something that will never happen; the caller gives up");
                    call.CallerHangsUp();
                }
                else if (due - started > CallLimit)
                {
                    clock.Advance(started + CallLimit - clock.GetUtcNow());
                    call.Journal.Decision($"simulation: the call reached {CallLimit.TotalMinutes:0} minutes; the caller gives up");
                    call.CallerHangsUp();
                }
                else
                {
                    clock.FireNext();
                }

                if (waitingOn is null || waitingOn.IsCompleted)
                {
                    await call.WaitForFlowAsync(flowTask, seen);
                }
            }

            await flowTask;
        }
        catch (OperationCanceledException) when (call.HangUpToken.IsCancellationRequested)
        {
            // The flow let the hang-up end it: that is how flows stop.
        }
        finally
        {
            timers.ForEach(t => t.Dispose());
        }

        if (call.EndedBy is null)
        {
            await call.HangUpAsync(CancellationToken.None);
        }

        return new SimulationReport(call);
    }

    private static int Schedule(SimulatedCall call, KeyGroup group, List<ITimer> timers, Action pressed)
    {
        var actions = group.Keys.Select(key => (Action)(() => call.Press(key))).ToList();
        if (group.HangUp)
        {
            actions.Add(call.CallerHangsUp);
        }

        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            timers.Add(call.Clock.CreateTimer(_ =>
            {
                pressed();
                action();
            }, null, KeyInterval * (i + 1), Timeout.InfiniteTimeSpan));
        }

        return actions.Count;
    }
}
