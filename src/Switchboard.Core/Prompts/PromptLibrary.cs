namespace Switchboard.Prompts;

/// <summary>
/// The prompt recordings and their texts: <c>&lt;root&gt;/&lt;lang&gt;/&lt;app&gt;/&lt;key&gt;.wav</c>, shared digits in
/// <c>&lt;root&gt;/&lt;lang&gt;/digits/</c>, and one manifest per app in <c>&lt;root&gt;/manifests/&lt;app&gt;.json</c>.
/// </summary>
public sealed class PromptLibrary
{
    /// <summary>The folder of the shared digit recordings and the name of their manifest.</summary>
    public const string DigitsFolder = "digits";

    private readonly IReadOnlyDictionary<string, PromptManifest> _manifests;

    private PromptLibrary(string root, IReadOnlyDictionary<string, PromptManifest> manifests)
    {
        Root = root;
        _manifests = manifests;
    }

    /// <summary>The library's root folder.</summary>
    public string Root { get; }

    /// <summary>The manifests by app.</summary>
    public IReadOnlyDictionary<string, PromptManifest> Manifests => _manifests;

    /// <summary>Loads every manifest under <paramref name="root"/>; throws <see cref="PromptManifestException"/> for a bad one.</summary>
    public static PromptLibrary Load(string root)
    {
        var folder = Path.Combine(root, "manifests");
        if (!Directory.Exists(folder))
        {
            throw new PromptManifestException($"No prompt manifests at {Path.GetFullPath(folder)}.");
        }

        var manifests = new Dictionary<string, PromptManifest>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var manifest = PromptManifest.Parse(File.ReadAllText(file), file);
            var expected = Path.GetFileNameWithoutExtension(file);
            if (manifest.App != expected)
            {
                throw new PromptManifestException($"{file}: \"app\" is '{manifest.App}' but the file is named for '{expected}'.");
            }

            manifests[manifest.App] = manifest;
        }

        return new PromptLibrary(root, manifests);
    }

    /// <summary>Where the recording of <paramref name="prompt"/> is expected for <paramref name="scope"/>.</summary>
    public string PathOf(PromptScope scope, Prompt prompt) =>
        Path.Combine(Root, scope.Language, FolderOf(scope, prompt), prompt.Key + ".wav");

    /// <summary>The text of <paramref name="prompt"/> in the scope's language, or null when the manifest lacks it.</summary>
    public string? TextOf(PromptScope scope, Prompt prompt) =>
        _manifests.TryGetValue(FolderOf(scope, prompt), out var manifest) ? manifest.TextOf(prompt.Key, scope.Language) : null;

    /// <summary>
    /// Everything missing for an app: keys it uses (<paramref name="keys"/>) that its manifest lacks, texts missing in one of
    /// the manifest's languages, and (with <paramref name="recordings"/>) recordings not yet on disk; the shared digits included.
    /// </summary>
    public IReadOnlyList<PromptProblem> Check(string app, IEnumerable<string> keys, bool recordings)
    {
        var problems = new List<PromptProblem>();
        if (!_manifests.TryGetValue(app, out var manifest))
        {
            return [.. keys.Select(k => new PromptProblem(app, k, "*", PromptProblemKind.UnknownKey))];
        }

        problems.AddRange(keys.Where(k => !manifest.Texts.ContainsKey(k))
            .Select(k => new PromptProblem(app, k, "*", PromptProblemKind.UnknownKey)));
        foreach (var checkedManifest in _manifests.TryGetValue(DigitsFolder, out var digits) ? [manifest, digits] : new[] { manifest })
        {
            foreach (var language in manifest.Languages)
            {
                var scope = new PromptScope(app, language);
                foreach (var key in checkedManifest.Texts.Keys.Order(StringComparer.Ordinal))
                {
                    var prompt = checkedManifest.App == DigitsFolder ? Prompt.Digit(key[0]) : Prompt.Of(key);
                    if (string.IsNullOrWhiteSpace(checkedManifest.TextOf(key, language)))
                    {
                        problems.Add(new PromptProblem(checkedManifest.App, key, language, PromptProblemKind.MissingText));
                    }

                    if (recordings && !File.Exists(PathOf(scope, prompt)))
                    {
                        problems.Add(new PromptProblem(checkedManifest.App, key, language, PromptProblemKind.MissingRecording, PathOf(scope, prompt)));
                    }
                }
            }
        }

        return problems;
    }

    private static string FolderOf(PromptScope scope, Prompt prompt) => prompt.Kind == PromptKind.Digit ? DigitsFolder : scope.App;
}
