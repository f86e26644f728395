namespace Switchboard.Prompts;

/// <summary>One recording the prompt library expects: its manifest and language, its key and text, and where its WAV belongs.</summary>
/// <param name="App">The manifest (<c>whatsapp-link</c>, or <c>digits</c> for the shared digits).</param>
/// <param name="Language">The language folder.</param>
/// <param name="Key">The prompt key.</param>
/// <param name="Text">The manifest's text in that language, or null when it has none.</param>
/// <param name="Path">The WAV file: <c>&lt;root&gt;/&lt;lang&gt;/&lt;app&gt;/&lt;key&gt;.wav</c>.</param>
internal sealed record PromptEntry(string App, string Language, string Key, string? Text, string Path)
{
    /// <summary>The folder holding the recording.</summary>
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The name shown in output: <c>nl/whatsapp-link/enter_mobile</c>.</summary>
    public string Name => $"{Language}/{App}/{Key}";
}
