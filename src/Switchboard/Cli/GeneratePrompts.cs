using System.Globalization;
using Spectre.Console;
using Switchboard.Prompts;

namespace Switchboard.Cli;

/// <summary><c>prompts generate</c>: renders the selected prompts, with a progress bar on a terminal and one line per prompt otherwise.</summary>
internal sealed class GeneratePrompts(EspeakSynthesizer speech, TextWriter output, TextWriter error)
{
    /// <summary>Renders what is not up to date; returns 0, 1 when a text is missing, 2 when espeak-ng cannot be run.</summary>
    public async Task<int> RunAsync(PromptSelection selection, bool force, CancellationToken cancellationToken)
    {
        try
        {
            await speech.VersionAsync(cancellationToken);
            var generator = new PromptGenerator(speech);
            var results = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
                ? await WithProgressBarAsync(selection.Entries, entry => generator.GenerateAsync(entry, force, cancellationToken))
                : await WithLinesAsync(selection.Entries, entry => generator.GenerateAsync(entry, force, cancellationToken));
            await output.WriteLineAsync(Summary(results, selection.Root));
            return results.Any(r => r.Outcome == GenerateOutcome.NoText) ? 1 : 0;
        }
        catch (Exception e) when (e is PromptToolException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"switchboard: {e.Message}");
            return 2;
        }
    }

    private async Task<List<GenerateResult>> WithLinesAsync(IReadOnlyList<PromptEntry> entries, Func<PromptEntry, Task<GenerateResult>> generate)
    {
        var results = new List<GenerateResult>();
        var width = entries.Count.ToString(CultureInfo.InvariantCulture).Length;
        foreach (var entry in entries)
        {
            var result = await generate(entry);
            results.Add(result);
            await output.WriteLineAsync($"[{results.Count.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{entries.Count}] {Line(result)}");
        }

        return results;
    }

    // Spectre's live display owns the terminal while it runs, so only the prompts that need attention are listed after it.
    private async Task<List<GenerateResult>> WithProgressBarAsync(IReadOnlyList<PromptEntry> entries, Func<PromptEntry, Task<GenerateResult>> generate)
    {
        var results = new List<GenerateResult>();
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("prompts", maxValue: entries.Count);
                foreach (var entry in entries)
                {
                    task.Description = Markup.Escape(entry.Name);
                    results.Add(await generate(entry));
                    task.Increment(1);
                }

                task.Description = "prompts";
            });
        foreach (var result in results.Where(r => r.Outcome is GenerateOutcome.KeptOwnRecording or GenerateOutcome.NoText))
        {
            await output.WriteLineAsync(Line(result));
        }

        return results;
    }

    private static string Line(GenerateResult result) => result.Outcome switch
    {
        GenerateOutcome.Rendered => string.Create(CultureInfo.InvariantCulture, $"rendered {result.Entry.Name} ({result.Duration.TotalSeconds:0.0} s)"),
        GenerateOutcome.UpToDate => $"up to date {result.Entry.Name}",
        GenerateOutcome.KeptOwnRecording => $"kept {result.Entry.Name}: not generated here (your own recording?); --force replaces it",
        _ => $"no text for {result.Entry.Name} in manifests/{result.Entry.App}.json: nothing to speak",
    };

    private static string Summary(List<GenerateResult> results, string root)
    {
        int Count(GenerateOutcome outcome) => results.Count(r => r.Outcome == outcome);
        var summary = $"{Count(GenerateOutcome.Rendered)} rendered, {Count(GenerateOutcome.UpToDate)} up to date, " +
                      $"{Count(GenerateOutcome.KeptOwnRecording)} own recordings kept";
        var missing = Count(GenerateOutcome.NoText);
        return $"{summary}{(missing > 0 ? $", {missing} without text" : "")} in {root}";
    }
}
