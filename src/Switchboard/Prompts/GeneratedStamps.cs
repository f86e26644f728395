using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Switchboard.Prompts;

/// <summary>
/// What each generated prompt of one folder was made from, kept in <c>generated.json</c> beside the recordings: the text, the voice,
/// the processing and the hash of the file written. It lets <c>prompts generate</c> skip what is up to date, render again what changed,
/// and recognise a recording someone put in place of a generated one, which it then leaves alone.
/// </summary>
internal sealed class GeneratedStamps
{
    /// <summary>The file's name in each prompt folder.</summary>
    public const string FileName = "generated.json";

    // Texts are written as they read (één, not \u00E9\u00E9n): the file is only ever read back as JSON, never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _path;
    private readonly SortedDictionary<string, GeneratedStamp> _stamps;

    private GeneratedStamps(string path, SortedDictionary<string, GeneratedStamp> stamps)
    {
        _path = path;
        _stamps = stamps;
    }

    /// <summary>The stamps of <paramref name="folder"/> (none when it has no stamp file); a damaged file throws <see cref="InvalidDataException"/>.</summary>
    public static GeneratedStamps Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new GeneratedStamps(path, new SortedDictionary<string, GeneratedStamp>(StringComparer.Ordinal));
        }

        try
        {
            var stamps = JsonSerializer.Deserialize<Dictionary<string, GeneratedStamp>>(File.ReadAllText(path), Json) ?? [];
            return new GeneratedStamps(path, new SortedDictionary<string, GeneratedStamp>(stamps, StringComparer.Ordinal));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is damaged ({e.Message}); delete it and run 'prompts generate --force' to render the folder again.", e);
        }
    }

    /// <summary>The stamp of <paramref name="key"/>, or null when it was never generated.</summary>
    public GeneratedStamp? Of(string key) => _stamps.GetValueOrDefault(key);

    /// <summary>Records a freshly generated file and writes the stamp file.</summary>
    public void Record(string key, GeneratedStamp stamp)
    {
        _stamps[key] = stamp;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(_stamps, Json));
    }

    /// <summary>The hash recorded for a file's bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> file) => Convert.ToHexStringLower(SHA256.HashData(file));
}

/// <summary>What one generated prompt was made from, and the hash of the file that was written.</summary>
/// <param name="Text">The manifest text spoken.</param>
/// <param name="Voice">The speech synthesiser and its settings.</param>
/// <param name="Processing">What was done to the speech afterwards.</param>
/// <param name="Sha256">The hash of the WAV file written.</param>
internal sealed record GeneratedStamp(string Text, string Voice, string Processing, string Sha256)
{
    /// <summary>True when the file on disk is still the one generated and was made from this text and recipe.</summary>
    public bool Matches(string text, string voice, string processing, string sha256) =>
        Text == text && Voice == voice && Processing == processing && Sha256 == sha256;
}
