namespace Switchboard.Prompts;

/// <summary>Which app's recordings and which language a call's <see cref="Prompt"/> keys refer to.</summary>
/// <param name="App">The prompt folder: the app type (<c>whatsapp-link</c>).</param>
/// <param name="Language">The language folder (<c>nl</c>, <c>en</c>).</param>
public sealed record PromptScope(string App, string Language)
{
    /// <summary>The scope before the flow host picked an app: English shared digits only.</summary>
    public static PromptScope None { get; } = new("", "en");
}
