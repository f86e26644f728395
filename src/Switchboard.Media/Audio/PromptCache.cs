using System.Collections.Concurrent;

namespace Switchboard.Media.Audio;

/// <summary>Prompts decoded once (WAV read, downmixed, resampled to 8 kHz) and shared by every call; a file changed on disk is read again.</summary>
public sealed class PromptCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Entry>>> _entries = new(StringComparer.Ordinal);

    /// <summary>The prompt at <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file and the reason when it cannot be used.</summary>
    public async Task<AudioClip> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        var fullPath = Path.GetFullPath(path);
        var written = File.GetLastWriteTimeUtc(fullPath);
        while (true)
        {
            var lazy = _entries.GetOrAdd(fullPath, p => new Lazy<Task<Entry>>(() => LoadAsync(p, written)));
            Entry entry;
            try
            {
                entry = await lazy.Value.WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(fullPath, lazy));
                throw;
            }

            if (entry.Written == written)
            {
                return entry.Clip;
            }

            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<Entry>>>(fullPath, lazy));
        }
    }

    /// <summary>How many prompts are held.</summary>
    public int Count => _entries.Count;

    private static async Task<Entry> LoadAsync(string path, DateTime written)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        var result = WavReader.Read(bytes);
        if (!result.IsComplete)
        {
            throw new InvalidDataException($"{path}: {result.Error}");
        }

        return new Entry(new AudioClip(path, result.Audio!.ToTelephony()), written);
    }

    private sealed record Entry(AudioClip Clip, DateTime Written);
}
