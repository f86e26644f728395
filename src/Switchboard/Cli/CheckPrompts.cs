using Switchboard.Prompts;

namespace Switchboard.Cli;

/// <summary><c>prompts check</c>: lists per app and language the prompts that are missing or cannot be played, converting
/// recordings in other formats first when asked.</summary>
internal sealed class CheckPrompts(RecordingConverter converter, TextWriter output, TextWriter error)
{
    /// <summary>Checks (and converts) the selection; returns 0 when every prompt is usable, 1 otherwise, 2 when the library cannot be read.</summary>
    public async Task<int> RunAsync(PromptSelection selection, bool convert, CancellationToken cancellationToken)
    {
        try
        {
            return await CheckAsync(selection, convert, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"switchboard: {e.Message}");
            return 2;
        }
    }

    private async Task<int> CheckAsync(PromptSelection selection, bool convert, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"prompts in {selection.Root}");
        var stamps = new Dictionary<string, GeneratedStamps>(StringComparer.Ordinal);
        var problems = 0;
        var suggestGenerate = false;
        foreach (var group in selection.Entries.GroupBy(e => (e.App, e.Language)))
        {
            var lines = new List<string>();
            var failing = 0;
            foreach (var entry in group)
            {
                if (!stamps.TryGetValue(entry.Folder, out var folderStamps))
                {
                    folderStamps = GeneratedStamps.Load(entry.Folder);
                    stamps[entry.Folder] = folderStamps;
                }

                var found = RecordingCheck.Inspect(entry, folderStamps);
                if (convert && found.FirstOrDefault(p => p.Convertible) is not null)
                {
                    var (converted, note) = await ConvertAsync(entry, cancellationToken);
                    lines.Add($"  {entry.Key}: {note}");
                    found = converted ? RecordingCheck.Inspect(entry, folderStamps) : found;
                }

                lines.AddRange(found.Select(p => $"  {entry.Key}: {p}{(p.Convertible && !convert ? " (--convert fixes it)" : "")}"));
                failing += found.Count > 0 ? 1 : 0;
                suggestGenerate |= found.Any(p => p.Kind is RecordingProblemKind.Missing or RecordingProblemKind.Stale);
            }

            var count = group.Count();
            await output.WriteLineAsync(failing == 0
                ? $"{group.Key.App} [{group.Key.Language}]: all {count} usable"
                : $"{group.Key.App} [{group.Key.Language}]: {failing} of {count} not usable");
            foreach (var line in lines)
            {
                await output.WriteLineAsync(line);
            }

            problems += failing;
        }

        await output.WriteLineAsync(problems == 0
            ? $"all {selection.Entries.Count} prompts usable"
            : $"{problems} of {selection.Entries.Count} prompts not usable");
        if (suggestGenerate)
        {
            await output.WriteLineAsync("Run './switchboard prompts generate' to speak missing or outdated prompts with espeak-ng, " +
                                        "or put your own recording in place (docs/prompts.md).");
        }

        return problems == 0 ? 0 : 1;
    }

    private async Task<(bool Converted, string Note)> ConvertAsync(PromptEntry entry, CancellationToken cancellationToken)
    {
        var source = File.Exists(entry.Path) ? entry.Path : RecordingCheck.OtherRecording(entry)!;
        try
        {
            var original = await converter.ConvertAsync(entry, source, cancellationToken);
            return (true, $"converted to {WavFormatHeader.Telephony} (original kept as {Path.GetFileName(original)})");
        }
        catch (Exception e) when (e is PromptToolException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (false, $"cannot convert {Path.GetFileName(source)}: {e.Message}");
        }
    }
}
