using System.CommandLine;
using Switchboard.Hosting;
using Switchboard.Prompts;

namespace Switchboard.Cli;

/// <summary><c>switchboard prompts generate|check</c>: renders the prompt library with espeak-ng, and checks and converts recordings.</summary>
internal static class PromptsCommand
{
    public static Command Create() => Create("espeak-ng", "sox");

    /// <summary>The command, running the given espeak-ng and sox programs (tests pass a missing one to see the error).</summary>
    internal static Command Create(string espeak, string sox)
    {
        var generateOptions = PromptOptions.Create();
        var force = new Option<bool>("--force") { Description = "Render every selected prompt again, replacing your own recordings too." };
        var generate = new Command("generate", "Render every manifest entry with espeak-ng into 8 kHz 16-bit mono WAV files " +
                                               "(<root>/<lang>/<app>/<key>.wav). Up-to-date prompts and your own recordings are left alone.")
        {
            force,
        };
        generateOptions.AddTo(generate);
        generate.SetAction((result, ct) => generateOptions.RunAsync(result, (selection, output) =>
            new GeneratePrompts(new EspeakSynthesizer(espeak), output, result.InvocationConfiguration.Error)
                .RunAsync(selection, result.GetValue(force), ct)));

        var checkOptions = PromptOptions.Create();
        var convert = new Option<bool>("--convert")
        {
            Description = "Convert recordings in other formats (WAV at other rates, stereo, 8-bit, G.711; mp3, ogg, flac… through sox) " +
                          "to 8 kHz 16-bit mono in place, keeping each original as <key>.orig.<ext>.",
        };
        var check = new Command("check", "List missing or unusable prompts per app and language (missing, not a WAV, wrong format, " +
                                         "empty, silent, too long, clipped, out of date). Exits with 1 when any is found.")
        {
            convert,
        };
        checkOptions.AddTo(check);
        check.SetAction((result, ct) => checkOptions.RunAsync(result, (selection, output) =>
            new CheckPrompts(new RecordingConverter(sox), output, result.InvocationConfiguration.Error).RunAsync(selection, result.GetValue(convert), ct)));

        return new Command("prompts", "The prompt recordings calls play: generate them with espeak-ng, check and convert your own.")
        {
            generate,
            check,
        };
    }

    /// <summary>The options both sub-commands share: which prompt library, which apps and which languages.</summary>
    private sealed record PromptOptions(Option<string[]> Apps, Option<string[]> Languages, Option<DirectoryInfo?> Root, Option<FileInfo?> Config)
    {
        public static PromptOptions Create() => new(
            new Option<string[]>("--app") { Description = "Only these apps' prompts (comma-separated or repeated; 'digits' for the shared digits). Default: every manifest." },
            new Option<string[]>("--lang") { Description = "Only these languages (comma-separated or repeated, e.g. nl,en). Default: every language of each manifest." },
            new Option<DirectoryInfo?>("--root") { Description = $"The prompt library folder. Default: {PromptSettings.RootKey}, else the repository's prompts/." },
            ConfigOption.Create());

        public void AddTo(Command command)
        {
            command.Options.Add(Apps);
            command.Options.Add(Languages);
            command.Options.Add(Root);
            command.Options.Add(Config);
        }

        public async Task<int> RunAsync(ParseResult result, Func<PromptSelection, TextWriter, Task<int>> action)
        {
            PromptSelection selection;
            try
            {
                var root = result.GetValue(Root)?.FullName ?? PromptSettings.Root(SwitchboardConfiguration.Load(result.GetValue(Config)));
                selection = PromptSelection.Load(root, List(result.GetValue(Apps)), List(result.GetValue(Languages)));
            }
            catch (Exception e) when (e is ConfigurationFileException or PromptManifestException or ArgumentException)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"switchboard: {e.Message}");
                return 2;
            }

            return await action(selection, result.InvocationConfiguration.Output);
        }

        private static string[] List(string[]? values) =>
            [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];
    }
}
