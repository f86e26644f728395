using Switchboard.Prompts;

namespace Switchboard.Calls.Input;

/// <summary>What a front-end provides to <see cref="CallInput"/>: playing a prompt sequence and stopping it.</summary>
public interface IPromptPlayer
{
    /// <summary>Starts playing <paramref name="prompts"/>; reports each prompt's start and the end through <paramref name="progress"/>.</summary>
    void Start(PromptSequence prompts, IPromptProgress progress);

    /// <summary>Stops the sequence playing now (barge-in, hang-up); no more progress is reported for it.</summary>
    void Interrupt();
}

/// <summary>How a player tells <see cref="CallInput"/> where playback is.</summary>
public interface IPromptProgress
{
    /// <summary>The prompt at <paramref name="index"/> of the sequence started playing.</summary>
    void PromptStarted(int index);

    /// <summary>The whole sequence has played to its end.</summary>
    void Finished();
}
