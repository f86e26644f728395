namespace Switchboard.Calls;

/// <summary>How a prompt sequence ended: played to the end, or stopped by a key (barge-in).</summary>
/// <param name="BargedInBy">The key that stopped the prompt; it stays in the type-ahead buffer.</param>
public readonly record struct PlayResult(char? BargedInBy)
{
    /// <summary>The prompt played to its end.</summary>
    public static PlayResult Finished => default;

    /// <summary>True when a key stopped the prompt.</summary>
    public bool BargedIn => BargedInBy is not null;
}
