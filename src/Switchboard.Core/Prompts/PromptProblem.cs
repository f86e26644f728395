namespace Switchboard.Prompts;

/// <summary>Something missing from the prompt library, reported by key and language so it can be recorded or written.</summary>
/// <param name="App">The prompt folder (<c>whatsapp-link</c>, <c>digits</c>).</param>
/// <param name="Key">The prompt key.</param>
/// <param name="Language">The language.</param>
/// <param name="Kind">What is missing.</param>
/// <param name="Path">The recording's expected path, for a missing recording.</param>
public sealed record PromptProblem(string App, string Key, string Language, PromptProblemKind Kind, string? Path = null)
{
    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        PromptProblemKind.MissingRecording => $"{App}/{Key} [{Language}]: no recording at {Path}",
        PromptProblemKind.MissingText => $"{App}/{Key} [{Language}]: no text in the manifest",
        _ => $"{App}/{Key} [{Language}]: not in the manifest",
    };
}

/// <summary>What is missing for a prompt.</summary>
public enum PromptProblemKind
{
    /// <summary>The manifest has no text for the key in this language.</summary>
    MissingText,

    /// <summary>No <c>.wav</c> file is recorded for the key in this language.</summary>
    MissingRecording,

    /// <summary>An app uses a key its manifest does not list.</summary>
    UnknownKey,
}
