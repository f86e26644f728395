using System.CommandLine;
using System.Diagnostics;
using Switchboard.Cli;
using Switchboard.Media.Audio;
using Switchboard.Prompts;
using Switchboard.Testing;
using Switchboard.Tests.Prompts;

namespace Switchboard.Tests.Cli;

public sealed class PromptsCommandTests : IDisposable
{
    private readonly TempPromptRoot _library = new();

    public PromptsCommandTests()
    {
        _library.Manifest("test", ["en", "nl"], new()
        {
            ["hello"] = new() { ["en"] = "Hello, this is a test.", ["nl"] = "Hallo, dit is een test." },
            ["bye"] = new() { ["en"] = "Goodbye.", ["nl"] = "Tot ziens." },
        });
        _library.Manifest("digits", ["en", "nl"], new() { ["7"] = new() { ["en"] = "seven", ["nl"] = "zeven" } });
    }

    [Fact]
    [Trait("Category", Categories.Interop)]
    public async Task Generate_speaks_every_entry_into_8_kHz_mono_16_bit_prompts_peaking_at_minus_3_dBFS()
    {
        var (exit, output, error) = await RunAsync("prompts", "generate", "--root", _library.Root);

        Assert.True(exit == 0, error);
        Assert.Contains("[6/6] rendered nl/test/hello (", output, StringComparison.Ordinal);
        Assert.Contains("6 rendered, 0 up to date, 0 own recordings kept", output, StringComparison.Ordinal);
        foreach (var entry in _library.Entries())
        {
            var bytes = await File.ReadAllBytesAsync(entry.Path);
            Assert.Equal(WavFormatHeader.Telephony, WavFormatHeader.Read(bytes));
            var samples = TempPromptRoot.Read(entry.Path).Samples;
            Assert.InRange(RecordingLevels.PeakDbfs(samples), -3.05, -2.95);
            var firstSound = Array.FindIndex(samples, s => Math.Abs((int)s) > 230);
            Assert.InRange(firstSound / 8.0, 50, 60);
            Assert.InRange(samples.Length / 8000.0, 0.25, 4);
        }

        // Longer texts take longer to say, and each language has its own recording.
        var hello = TempPromptRoot.Read(_library.PathOf("en", "test", "hello")).Duration;
        Assert.True(hello > TempPromptRoot.Read(_library.PathOf("en", "test", "bye")).Duration * 1.5);
        Assert.NotEqual(File.ReadAllBytes(_library.PathOf("en", "test", "hello")), File.ReadAllBytes(_library.PathOf("nl", "test", "hello")));

        var check = await RunAsync("prompts", "check", "--root", _library.Root);
        Assert.Equal(0, check.Exit);
        Assert.Contains("all 6 prompts usable", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", Categories.Interop)]
    public async Task Generate_skips_what_is_up_to_date_and_speaks_a_changed_text_again()
    {
        Assert.Equal(0, (await RunAsync("prompts", "generate", "--root", _library.Root, "--lang", "nl", "--app", "test,digits")).Exit);
        var before = _library.Entries().Where(e => e.Language == "nl").ToDictionary(e => e.Key, e => File.ReadAllBytes(e.Path));
        Assert.False(File.Exists(_library.PathOf("en", "test", "hello")));

        var again = await RunAsync("prompts", "generate", "--root", _library.Root, "--lang", "nl");
        Assert.Contains("0 rendered, 3 up to date", again.Output, StringComparison.Ordinal);

        _library.Manifest("test", ["en", "nl"], new()
        {
            ["hello"] = new() { ["en"] = "Hello, this is a test.", ["nl"] = "Welkom bij de test, fijn dat u belt." },
            ["bye"] = new() { ["en"] = "Goodbye.", ["nl"] = "Tot ziens." },
        });
        var changed = await RunAsync("prompts", "generate", "--root", _library.Root, "--lang", "nl");

        Assert.Contains("rendered nl/test/hello", changed.Output, StringComparison.Ordinal);
        Assert.Contains("up to date nl/test/bye", changed.Output, StringComparison.Ordinal);
        Assert.Contains("1 rendered, 2 up to date", changed.Output, StringComparison.Ordinal);
        Assert.NotEqual(before["hello"], File.ReadAllBytes(_library.PathOf("nl", "test", "hello")));
        Assert.Equal(before["bye"], File.ReadAllBytes(_library.PathOf("nl", "test", "bye")));
    }

    [Fact]
    [Trait("Category", Categories.Interop)]
    public async Task Generate_keeps_someone_s_own_recording_unless_forced()
    {
        Assert.Equal(0, (await RunAsync("prompts", "generate", "--root", _library.Root, "--lang", "en", "--app", "test")).Exit);
        var own = WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000);
        _library.Write("en", "test", "hello.wav", own);

        var kept = await RunAsync("prompts", "generate", "--root", _library.Root, "--lang", "en", "--app", "test");

        Assert.Contains("kept en/test/hello: not generated here (your own recording?); --force replaces it", kept.Output, StringComparison.Ordinal);
        Assert.Equal(own, File.ReadAllBytes(_library.PathOf("en", "test", "hello")));

        var forced = await RunAsync("prompts", "generate", "--root", _library.Root, "--lang", "en", "--app", "test", "--force");

        Assert.Contains("2 rendered, 0 up to date", forced.Output, StringComparison.Ordinal);
        Assert.NotEqual(own, File.ReadAllBytes(_library.PathOf("en", "test", "hello")));
    }

    [Fact]
    public async Task Generate_without_espeak_ng_says_how_to_install_it_and_writes_nothing()
    {
        var (exit, _, error) = await RunAsync(["prompts", "generate", "--root", _library.Root], espeak: "/nonexistent/espeak-ng");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/espeak-ng is not installed", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install espeak-ng", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_library.Root, "en")));
    }

    [Theory]
    [InlineData("generate", "--app", "nope", "no prompt manifest for app 'nope'")]
    [InlineData("check", "--lang", "de", "no prompt manifest has language 'de'")]
    public async Task Unknown_apps_and_languages_are_refused(string command, string option, string value, string message)
    {
        var (exit, _, error) = await RunAsync("prompts", command, "--root", _library.Root, option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_lists_the_problems_per_app_and_language_and_exits_with_1()
    {
        var tone = WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000);
        foreach (var language in new[] { "en", "nl" })
        {
            _library.Write(language, "digits", "7.wav", tone);
            _library.Write(language, "test", "bye.wav", tone);
        }

        _library.Write("nl", "test", "hello.wav", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 44100), 44100));

        var (exit, output, _) = await RunAsync("prompts", "check", "--root", _library.Root);

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"prompts in {_library.Root}",
                "digits [en]: all 1 usable",
                "digits [nl]: all 1 usable",
                "test [en]: 1 of 2 not usable",
                $"  hello: missing: no {_library.PathOf("en", "test", "hello")}",
                "test [nl]: 1 of 2 not usable",
                "  hello: wrong format: 44100 Hz mono 16-bit PCM, needs 8000 Hz mono 16-bit PCM (--convert fixes it)",
                "2 of 6 prompts not usable",
                "Run './switchboard prompts generate' to speak missing or outdated prompts with espeak-ng, or put your own recording in place (docs/prompts.md).",
            ],
            output.TrimEnd().Split('\n'));
    }

    public static TheoryData<string, byte[]> WavInputs => new()
    {
        { "16 kHz", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 16000), 16000) },
        { "22.05 kHz", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 22050), 22050) },
        { "44.1 kHz", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 44100), 44100) },
        { "48 kHz", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 48000), 48000) },
        { "A-law", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000, WavEncoding.ALaw) },
        { "µ-law", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000, WavEncoding.MuLaw) },
    };

    [Theory]
    [MemberData(nameof(WavInputs))]
    public async Task Convert_turns_wav_recordings_into_the_prompt_format_with_our_resampler(string kind, byte[] input)
    {
        _library.Write("en", "test", "hello.wav", input);

        await AssertConvertedAsync(kind, "hello.wav", input);
    }

    [Theory]
    [Trait("Category", Categories.Interop)]
    [InlineData("stereo 44.1 kHz", "wav", "-r", "44100", "-c", "2", "-b", "16")]
    [InlineData("8-bit 22.05 kHz", "wav", "-r", "22050", "-c", "1", "-b", "8")]
    [InlineData("24-bit 48 kHz", "wav", "-r", "48000", "-c", "1", "-b", "24")]
    [InlineData("mp3", "mp3", "-r", "44100", "-c", "2")]
    [InlineData("ogg", "ogg", "-r", "48000", "-c", "1")]
    [InlineData("flac", "flac", "-r", "16000", "-c", "1")]
    [InlineData("GSM WAV", "wav", "-r", "8000", "-c", "1", "-e", "gsm-full-rate")]
    public async Task Convert_turns_recordings_made_with_sox_into_the_prompt_format(string kind, string extension, params string[] format)
    {
        var path = Path.Combine(_library.Root, "en", "test", "hello." + extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await SoxAsync(["-n", .. format, path, "synth", "1", "sine", "440", "gain", "-12"]);

        await AssertConvertedAsync(kind, Path.GetFileName(path), await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Convert_without_sox_says_so_and_loses_nothing()
    {
        var mp3 = _library.Write("en", "test", "hello.mp3", "ID3 not really"u8.ToArray());

        var (exit, output, _) = await RunAsync(["prompts", "check", "--root", _library.Root, "--lang", "en", "--app", "test", "--convert"], sox: "/nonexistent/sox");

        Assert.Equal(1, exit);
        Assert.Contains("  hello: cannot convert hello.mp3: /nonexistent/sox is not installed", output, StringComparison.Ordinal);
        Assert.Contains("apt-get install sox", output, StringComparison.Ordinal);
        Assert.Contains("  hello: missing as WAV: found hello.mp3", output, StringComparison.Ordinal);
        Assert.Equal("ID3 not really"u8.ToArray(), File.ReadAllBytes(mp3));
        Assert.False(File.Exists(_library.PathOf("en", "test", "hello")));
    }

    [Fact]
    public async Task A_second_conversion_keeps_the_first_original_too()
    {
        var first = WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 16000), 16000);
        var second = WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 48000), 48000);
        _library.Write("en", "test", "hello.wav", first);
        await RunAsync("prompts", "check", "--root", _library.Root, "--app", "test", "--lang", "en", "--convert");
        _library.Write("en", "test", "hello.wav", second);

        var (_, output, _) = await RunAsync("prompts", "check", "--root", _library.Root, "--app", "test", "--lang", "en", "--convert");

        Assert.Contains("(original kept as hello.orig-2.wav)", output, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(_library.Root, "en", "test", "hello.orig.wav")));
        Assert.Equal(second, File.ReadAllBytes(Path.Combine(_library.Root, "en", "test", "hello.orig-2.wav")));
    }

    public void Dispose() => _library.Dispose();

    // Converts en/test/hello.* (a 1 s 440 Hz tone at −12 dBFS) and checks the result sounds the same in the prompt format.
    private async Task AssertConvertedAsync(string kind, string inputName, byte[] input)
    {
        var stem = Path.GetFileNameWithoutExtension(inputName);
        var original = Path.Combine(_library.Root, "en", "test", $"{stem}.orig{Path.GetExtension(inputName)}");
        _library.Write("en", "test", "bye.wav", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000));

        var (exit, output, error) = await RunAsync("prompts", "check", "--root", _library.Root, "--app", "test", "--lang", "en", "--convert");

        Assert.True(exit == 0, $"{kind}: {output}{error}");
        Assert.Contains($"  hello: converted to 8000 Hz mono 16-bit PCM (original kept as {Path.GetFileName(original)})", output, StringComparison.Ordinal);
        Assert.Equal(input, File.ReadAllBytes(original));
        var path = _library.PathOf("en", "test", "hello");
        Assert.Equal(WavFormatHeader.Telephony, WavFormatHeader.Read(File.ReadAllBytes(path)));
        var samples = TempPromptRoot.Read(path).Samples;
        Assert.InRange(samples.Length / 8000.0, 0.99, 1.06);
        Assert.InRange(RecordingLevels.PeakDbfs(samples), -13.5, -10.5);
        // The tone's pitch, from zero crossings between its first and last loud sample (mp3 and ogg pad the start and end).
        var from = Array.FindIndex(samples, s => Math.Abs((int)s) > 4000);
        var to = Array.FindLastIndex(samples, s => Math.Abs((int)s) > 4000);
        var crossings = Enumerable.Range(from + 1, to - from).Count(i => (samples[i - 1] < 0) != (samples[i] < 0));
        Assert.InRange(crossings / 2.0 / ((to - from) / 8000.0), 435, 445);
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, "espeak-ng", "sox");

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, string espeak = "espeak-ng", string sox = "sox")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { PromptsCommand.Create(espeak, sox) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task SoxAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("sox") { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var sox = Process.Start(start)!;
        var error = await sox.StandardError.ReadToEndAsync();
        await sox.WaitForExitAsync();
        Assert.True(sox.ExitCode == 0, $"sox {string.Join(' ', arguments)}: {error}");
    }
}
