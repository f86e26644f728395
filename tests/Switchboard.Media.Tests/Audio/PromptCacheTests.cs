using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class PromptCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-prompts-").FullName;

    [Fact]
    public async Task A_prompt_is_decoded_once_and_shared_at_8_khz()
    {
        var path = Path.Combine(_folder, "welcome.wav");
        await File.WriteAllBytesAsync(path, WavWriter.Write(new short[16000], 16000));
        var cache = new PromptCache();

        var first = await cache.GetAsync(path);
        var second = await cache.GetAsync(path);

        Assert.Same(first, second);
        Assert.Equal(8000, first.Samples.Length);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Duration);
    }

    [Fact]
    public async Task A_prompt_changed_on_disk_is_read_again()
    {
        var path = Path.Combine(_folder, "menu.wav");
        await File.WriteAllBytesAsync(path, WavWriter.Write(new short[800], 8000));
        var cache = new PromptCache();
        var before = await cache.GetAsync(path);

        await File.WriteAllBytesAsync(path, WavWriter.Write(new short[1600], 8000));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var after = await cache.GetAsync(path);

        Assert.Equal(800, before.Samples.Length);
        Assert.Equal(1600, after.Samples.Length);
    }

    [Fact]
    public async Task A_bad_prompt_is_named_with_the_reason_and_not_cached()
    {
        var path = Path.Combine(_folder, "broken.wav");
        await File.WriteAllTextAsync(path, "not audio");
        var cache = new PromptCache();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => cache.GetAsync(path));

        Assert.Contains("broken.wav: not a WAV file", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_missing_prompt_is_an_io_error()
    {
        await Assert.ThrowsAnyAsync<IOException>(() => new PromptCache().GetAsync(Path.Combine(_folder, "missing.wav")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
