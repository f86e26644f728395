using System.CommandLine;
using System.Text.Json;
using Switchboard.Cli;
using Switchboard.Media.Audio;

namespace Switchboard.Tests.Cli;

public sealed class DtmfCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"switchboard-dtmf-{Guid.NewGuid():N}.wav");

    [Fact]
    public void Json_output_lists_the_digits_and_each_key_with_start_and_duration()
    {
        WriteKeys(WavEncoding.Pcm16, ('4', 80), ('2', 60), ('#', 100));

        var (exit, output, _) = Run("dtmf", "detect", _path, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("42#", json.RootElement.GetProperty("digits").GetString());
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(["4", "2", "#"], events.Select(e => e.GetProperty("digit").GetString()));
        Assert.InRange(events[0].GetProperty("startMs").GetInt64(), 192, 208);
        Assert.InRange(events[0].GetProperty("durationMs").GetInt64(), 72, 88);
        Assert.InRange(events[2].GetProperty("startMs").GetInt64(), 532, 548);
        Assert.InRange(events[2].GetProperty("durationMs").GetInt64(), 92, 108);
    }

    [Fact]
    public void Text_output_reads_well_and_a_law_files_work()
    {
        WriteKeys(WavEncoding.ALaw, ('9', 70));

        var (exit, output, _) = Run("dtmf", "detect", _path);

        Assert.Equal(0, exit);
        Assert.StartsWith("digits: 9", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_wav_gets_a_clear_error()
    {
        File.WriteAllText(_path, "hello");

        var (exit, _, error) = Run("dtmf", "detect", _path);

        Assert.Equal(2, exit);
        Assert.Contains("not a WAV file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_gets_a_clear_error()
    {
        var (exit, _, error) = Run("dtmf", "detect", _path);

        Assert.Equal(2, exit);
        Assert.Contains($"cannot read {_path}", error, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_path);

    private void WriteKeys(WavEncoding encoding, params (char Key, int Milliseconds)[] keys)
    {
        var samples = new List<short>(Tones.Silence(TimeSpan.FromMilliseconds(200)));
        foreach (var (key, milliseconds) in keys)
        {
            samples.AddRange(Tones.Dtmf(key, TimeSpan.FromMilliseconds(milliseconds)));
            samples.AddRange(Tones.Silence(TimeSpan.FromMilliseconds(100)));
        }

        File.WriteAllBytes(_path, WavWriter.Write(samples.ToArray(), 8000, encoding));
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { DtmfCommand.Create() };
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
