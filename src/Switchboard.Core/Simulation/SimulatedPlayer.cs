using Switchboard.Calls.Input;
using Switchboard.Prompts;

namespace Switchboard.Simulation;

/// <summary>Plays prompts on virtual time: each lasts as long as its text would take to say.</summary>
internal sealed class SimulatedPlayer(TimeProvider time, Func<Prompt, TimeSpan> durationOf) : IPromptPlayer
{
    private readonly Lock _lock = new();
    private ITimer? _timer;

    public void Start(PromptSequence prompts, IPromptProgress progress)
    {
        var index = 0;
        ITimer? timer = null;
        timer = time.CreateTimer(_ =>
        {
            lock (_lock)
            {
                if (_timer != timer)
                {
                    return;
                }
            }

            if (index < prompts.Count)
            {
                progress.PromptStarted(index);
                timer!.Change(durationOf(prompts[index++]), Timeout.InfiniteTimeSpan);
            }
            else
            {
                progress.Finished();
            }
        }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = timer;
        }

        timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public void Interrupt()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }
}
