using Switchboard.Calls.Input;
using Switchboard.Prompts;

namespace Switchboard.Core.Tests.Calls.Input;

/// <summary>A prompt player the test finishes by hand, recording what it was asked to do.</summary>
internal sealed class ScriptedPlayer : IPromptPlayer
{
    public List<string> Log { get; } = [];

    public IPromptProgress? Current { get; private set; }

    public void Start(PromptSequence prompts, IPromptProgress progress)
    {
        Log.Add($"start {prompts}");
        Current = progress;
        progress.PromptStarted(0);
    }

    public void Interrupt()
    {
        Log.Add("stop");
        Current = null;
    }

    public void Finish()
    {
        var current = Current ?? throw new InvalidOperationException("nothing is playing");
        Current = null;
        current.Finished();
    }
}
