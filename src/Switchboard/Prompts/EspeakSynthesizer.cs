using System.Text;
using Switchboard.Media.Audio;

namespace Switchboard.Prompts;

/// <summary>Speaks prompt texts with espeak-ng (a real process), one voice per language at a pace that is easy to follow on the phone.</summary>
internal sealed class EspeakSynthesizer(string program = "espeak-ng")
{
    /// <summary>Slower than espeak-ng's 175 words a minute: narrowband audio and unfamiliar numbers need the extra time.</summary>
    public const int WordsPerMinute = 150;

    private readonly ExternalTool _tool = new(program,
        "Install it with 'sudo apt-get install espeak-ng' (Debian/Ubuntu), 'sudo dnf install espeak-ng' (Fedora) or 'brew install espeak-ng' (macOS).");

    /// <summary>The espeak-ng voice for a prompt language: British English for <c>en</c>, otherwise the language code itself (<c>nl</c>, <c>de</c>).</summary>
    public static string VoiceFor(string language) => language == "en" ? "en-gb" : language;

    /// <summary>How a language's prompts are spoken, recorded beside each generated file so a change of voice renders them again.</summary>
    public static string VoiceDescription(string language) => $"espeak-ng -v {VoiceFor(language)} -s {WordsPerMinute}";

    /// <summary>Checks that espeak-ng can be run at all, before any prompt is rendered.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await _tool.RunAsync(["--version"], null, cancellationToken)).Trim();

    /// <summary>The text spoken in the language's voice, as espeak-ng writes it (22.05 kHz mono).</summary>
    public async Task<WavAudio> SpeakAsync(string text, string language, CancellationToken cancellationToken)
    {
        // The text goes in on standard input as UTF-8, so accents and a leading '-' reach espeak-ng unchanged.
        var wav = await _tool.RunAsync(["-v", VoiceFor(language), "-s", $"{WordsPerMinute}", "-b", "1", "--stdin", "--stdout"],
            Encoding.UTF8.GetBytes(text), cancellationToken);
        var read = WavReader.Read(wav);
        return read.Audio ?? throw new PromptToolException($"espeak-ng gave no usable audio for \"{text}\": {read.Error}");
    }
}
