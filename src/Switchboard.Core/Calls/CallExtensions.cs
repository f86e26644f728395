using Switchboard.Prompts;

namespace Switchboard.Calls;

/// <summary>Shorthands that keep flows reading like the call script.</summary>
public static class CallExtensions
{
    /// <summary>Plays <paramref name="prompts"/> to the end; keys typed meanwhile wait in the type-ahead buffer.</summary>
    public static Task<PlayResult> PlayAsync(this ICall call, PromptSequence prompts, CancellationToken ct) =>
        call.PlayAsync(prompts, bargeIn: false, ct);
}
