using Switchboard.Media.Audio;
using Switchboard.Prompts;

namespace Switchboard.Tests.Prompts;

public sealed class RecordingCheckTests : IDisposable
{
    private readonly TempPromptRoot _library = new();

    public RecordingCheckTests() =>
        _library.Manifest("test", ["en"], new() { ["hello"] = new() { ["en"] = "Hello." }, ["quiet"] = new() { ["en"] = "" } });

    public static TheoryData<string, byte[], string?, string> Recordings => new()
    {
        { "usable", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000), null, "" },
        { "not a WAV", "ID3 mp3 bytes"u8.ToArray(), nameof(RecordingProblemKind.NotWav), "not a WAV file" },
        { "unsupported WAV", UnsupportedWav(), nameof(RecordingProblemKind.NotWav), "format tag 2" },
        { "16 kHz", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), 16000), 16000), nameof(RecordingProblemKind.WrongFormat), "16000 Hz mono 16-bit PCM, needs 8000 Hz mono 16-bit PCM" },
        { "A-law", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000, WavEncoding.ALaw), nameof(RecordingProblemKind.WrongFormat), "8000 Hz mono A-law" },
        { "empty", WavWriter.Write([], 8000), nameof(RecordingProblemKind.Empty), "no audio" },
        { "digital silence", WavWriter.Write(new short[8000], 8000), nameof(RecordingProblemKind.Silent), "digital silence" },
        { "hiss", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1), peakDbfs: -60), 8000), nameof(RecordingProblemKind.Silent), "peak -60 dBFS" },
        { "61 s", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(61)), 8000), nameof(RecordingProblemKind.TooLong), "61.0 s" },
        { "clipped", WavWriter.Write(Clipped(), 8000), nameof(RecordingProblemKind.Clipped), "2 places" },
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Each_kind_of_unusable_recording_is_named_with_its_detail(string name, byte[] file, string? kind, string detail)
    {
        _library.Write("en", "test", "hello.wav", file);

        var problems = RecordingCheck.Inspect(Entry("hello"), GeneratedStamps.Load(Path.Combine(_library.Root, "en", "test")));

        Assert.True(kind is null ? problems.Count == 0 : problems.Count == 1, $"{name}: {string.Join("; ", problems)}");
        if (kind is not null)
        {
            Assert.Equal(kind, problems[0].Kind.ToString());
            Assert.Contains(detail, problems[0].Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_missing_recording_names_the_expected_file_or_the_other_format_found()
    {
        var missing = Assert.Single(RecordingCheck.Inspect(Entry("hello"), Stamps()));
        Assert.Equal(RecordingProblemKind.Missing, missing.Kind);
        Assert.Contains(_library.PathOf("en", "test", "hello"), missing.Detail, StringComparison.Ordinal);

        _library.Write("en", "test", "hello.orig.ogg", [1]);
        _library.Write("en", "test", "hello_world.mp3", [1]);
        Assert.Equal(RecordingProblemKind.Missing, Assert.Single(RecordingCheck.Inspect(Entry("hello"), Stamps())).Kind);

        _library.Write("en", "test", "hello.mp3", [1]);
        var other = Assert.Single(RecordingCheck.Inspect(Entry("hello"), Stamps()));
        Assert.Equal(RecordingProblemKind.OtherFormat, other.Kind);
        Assert.True(other.Convertible);
        Assert.Contains("found hello.mp3", other.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_without_text_is_reported_even_with_a_recording()
    {
        _library.Write("en", "test", "quiet.wav", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000));

        var problem = Assert.Single(RecordingCheck.Inspect(Entry("quiet"), Stamps()));

        Assert.Equal(RecordingProblemKind.NoText, problem.Kind);
        Assert.Contains("manifests/test.json has no 'en' text for 'quiet'", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_recording_is_out_of_date_when_its_text_or_voice_changed_but_not_when_replaced_by_someone_s_own()
    {
        var wav = WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(1)), 8000);
        _library.Write("en", "test", "hello.wav", wav);
        var voice = EspeakSynthesizer.VoiceDescription("en");
        Stamps().Record("hello", new GeneratedStamp("Hi.", voice, TelephonePrompt.Processing, GeneratedStamps.Hash(wav)));

        var stale = Assert.Single(RecordingCheck.Inspect(Entry("hello"), Stamps()));
        Assert.Equal(RecordingProblemKind.Stale, stale.Kind);
        Assert.Contains("generated from \"Hi.\"", stale.Detail, StringComparison.Ordinal);

        Stamps().Record("hello", new GeneratedStamp("Hello.", "espeak-ng -v en-us -s 175", TelephonePrompt.Processing, GeneratedStamps.Hash(wav)));
        Assert.Contains("other voice settings", Assert.Single(RecordingCheck.Inspect(Entry("hello"), Stamps())).Detail, StringComparison.Ordinal);

        Stamps().Record("hello", new GeneratedStamp("Hello.", voice, TelephonePrompt.Processing, GeneratedStamps.Hash(wav)));
        Assert.Empty(RecordingCheck.Inspect(Entry("hello"), Stamps()));

        _library.Write("en", "test", "hello.wav", WavWriter.Write(TempPromptRoot.Tone(TimeSpan.FromSeconds(2)), 8000));
        Stamps().Record("hello", new GeneratedStamp("Hi.", voice, TelephonePrompt.Processing, GeneratedStamps.Hash(wav)));
        Assert.Empty(RecordingCheck.Inspect(Entry("hello"), Stamps()));
    }

    [Fact]
    public void A_damaged_stamp_file_says_how_to_recover()
    {
        _library.Write("en", "test", GeneratedStamps.FileName, "{ not json"u8.ToArray());

        var e = Assert.Throws<InvalidDataException>(Stamps);

        Assert.Contains("generated.json is damaged", e.Message, StringComparison.Ordinal);
        Assert.Contains("--force", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _library.Dispose();

    private PromptEntry Entry(string key) => _library.Entries().Single(e => e.Key == key);

    private GeneratedStamps Stamps() => GeneratedStamps.Load(Path.Combine(_library.Root, "en", "test"));

    private static short[] Clipped()
    {
        var samples = TempPromptRoot.Tone(TimeSpan.FromSeconds(1));
        samples.AsSpan(100, 4).Fill(short.MaxValue);
        samples.AsSpan(900, 3).Fill(short.MinValue);
        return samples;
    }

    // An IMA ADPCM header (format tag 2): a real WAV, but not one Switchboard decodes.
    private static byte[] UnsupportedWav()
    {
        var file = WavWriter.Write(new short[100], 8000);
        file[20] = 2;
        file[34] = 4;
        return file;
    }
}
