using System.Collections;

namespace Switchboard.Prompts;

/// <summary>Prompts played back to back as one; a barge-in stops the whole sequence.</summary>
public sealed class PromptSequence : IReadOnlyList<Prompt>
{
    private readonly Prompt[] _prompts;

    /// <summary>Creates a sequence of the given prompts in order.</summary>
    public PromptSequence(IEnumerable<Prompt> prompts) => _prompts = [.. prompts];

    /// <summary>No prompt at all.</summary>
    public static PromptSequence Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _prompts.Length;

    /// <inheritdoc/>
    public Prompt this[int index] => _prompts[index];

    /// <summary>A single prompt as a sequence.</summary>
    public static implicit operator PromptSequence(Prompt prompt) => new([prompt]);

    /// <summary>This sequence followed by more.</summary>
    public PromptSequence Then(PromptSequence next) => new(_prompts.Concat(next));

    /// <inheritdoc/>
    public IEnumerator<Prompt> GetEnumerator() => ((IEnumerable<Prompt>)_prompts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(' ', _prompts.Select(p => p.Name));
}
