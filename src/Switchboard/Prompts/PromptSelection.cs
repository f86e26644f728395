namespace Switchboard.Prompts;

/// <summary>The prompts a <c>prompts</c> command works on: every manifest's keys in every language of the manifest, narrowed to
/// some apps and languages.</summary>
/// <param name="Root">The library's folder.</param>
/// <param name="Entries">The selected entries, by app, then language, then key.</param>
internal sealed record PromptSelection(string Root, IReadOnlyList<PromptEntry> Entries)
{
    /// <summary>Loads the library at <paramref name="root"/> and selects the entries of <paramref name="apps"/> in <paramref name="languages"/>
    /// (all when empty). A bad manifest throws <see cref="PromptManifestException"/>; an app or language no manifest has,
    /// <see cref="ArgumentException"/>.</summary>
    public static PromptSelection Load(string root, IReadOnlyCollection<string> apps, IReadOnlyCollection<string> languages)
    {
        var library = PromptLibrary.Load(root);
        var unknownApp = apps.FirstOrDefault(a => !library.Manifests.ContainsKey(a));
        if (unknownApp is not null)
        {
            throw new ArgumentException($"no prompt manifest for app '{unknownApp}' (there are: {string.Join(", ", library.Manifests.Keys.Order(StringComparer.Ordinal))}).");
        }

        var manifests = library.Manifests.Values.Where(m => apps.Count == 0 || apps.Contains(m.App)).OrderBy(m => m.App, StringComparer.Ordinal).ToArray();
        var known = manifests.SelectMany(m => m.Languages).Distinct().Order(StringComparer.Ordinal).ToArray();
        var unknownLanguage = languages.FirstOrDefault(l => !known.Contains(l));
        if (unknownLanguage is not null)
        {
            throw new ArgumentException($"no prompt manifest has language '{unknownLanguage}' (there are: {string.Join(", ", known)}).");
        }

        return new PromptSelection(root,
        [
            .. from manifest in manifests
               from language in manifest.Languages.Where(l => languages.Count == 0 || languages.Contains(l)).Order(StringComparer.Ordinal)
               from key in manifest.Texts.Keys.Order(StringComparer.Ordinal)
               let kind = manifest.App == PromptLibrary.DigitsFolder ? PromptKind.Digit : PromptKind.App
               select new PromptEntry(manifest.App, language, key, manifest.TextOf(key, language),
                   library.PathOf(new PromptScope(manifest.App, language), new Prompt(key, kind))),
        ]);
    }
}
