using System.Text.Json;

namespace Switchboard.Prompts;

/// <summary>One app's list of prompt keys with the text of each in every language (<c>prompts/manifests/&lt;app&gt;.json</c>).</summary>
public sealed class PromptManifest
{
    private PromptManifest(string app, IReadOnlyList<string> languages, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts)
    {
        App = app;
        Languages = languages;
        Texts = texts;
    }

    /// <summary>The app (prompt folder) the manifest describes; <c>digits</c> for the shared digits.</summary>
    public string App { get; }

    /// <summary>The languages every key must have a text for.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Key → language → text.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Texts { get; }

    /// <summary>The text of a key in a language, or null when the manifest lacks it.</summary>
    public string? TextOf(string key, string language) =>
        Texts.TryGetValue(key, out var byLanguage) && byLanguage.TryGetValue(language, out var text) ? text : null;

    /// <summary>Reads a manifest; a malformed one throws <see cref="PromptManifestException"/> naming the file and the fault.</summary>
    public static PromptManifest Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var app = Required(root, "app", source).GetString();
            if (string.IsNullOrWhiteSpace(app))
            {
                throw new PromptManifestException($"{source}: \"app\" is empty.");
            }

            var languages = Required(root, "languages", source).EnumerateArray()
                .Select(l => l.GetString() ?? throw new PromptManifestException($"{source}: a language is null.")).ToArray();
            var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var prompt in Required(root, "prompts", source).EnumerateObject())
            {
                _ = Prompt.Of(prompt.Name);
                texts[prompt.Name] = prompt.Value.EnumerateObject()
                    .ToDictionary(t => t.Name, t => t.Value.GetString() ?? "", StringComparer.Ordinal);
            }

            return new PromptManifest(app, languages, texts);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new PromptManifestException($"{source}: {e.Message}", e);
        }
    }

    private static JsonElement Required(JsonElement root, string name, string source) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value
            : throw new PromptManifestException($"{source}: missing \"{name}\".");
}
