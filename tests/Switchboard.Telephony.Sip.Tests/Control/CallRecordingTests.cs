using Switchboard.Calls;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Media.Tests.Sessions;
using Switchboard.Telephony.Sip.Control;

namespace Switchboard.Telephony.Sip.Tests.Control;

// A test sender (the caller's phone) sends to the call's session, whose received audio is recorded.
public sealed class CallRecordingTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly RtpPortAllocator _ports = LoopbackPorts.Allocator(2).Allocator;
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"sb-recordings-{Guid.NewGuid():N}");
    private LoopbackLine _line = null!;

    private RtpSession Phone => _line.Phone;

    private RtpSession Call => _line.Call;

    public Task InitializeAsync()
    {
        _line = LoopbackLine.Open(_ports, _clock, AudioCodec.Pcmu, telephoneEvent: 101);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _line.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public void Dispose() => _clock.Dispose();

    [Fact]
    public async Task Speech_then_silence_is_recorded_into_a_wav_without_the_silence()
    {
        var recording = new CallRecording(Call, new RecordingRequest { Name = "notices/1.wav", EndOnSilence = TimeSpan.FromSeconds(1), Beep = false }, _root);
        var running = recording.RunAsync(TimeProvider.System, CancellationToken.None);
        await Phone.PlayAsync(AudioSources.Sequence(Speech(TimeSpan.FromSeconds(1.5)), AudioSources.Silence(TimeSpan.FromSeconds(3))));

        var result = await running.WaitAsync(Patience);

        Assert.Equal((Path.Combine(_root, "notices", "1.wav"), RecordingStop.Silence, (char?)null), (result.Path, result.StoppedBy, result.FinishKey));
        var wav = WavReader.Read(await File.ReadAllBytesAsync(result.Path!)).Audio!;
        Assert.Equal((8000, 1), (wav.SampleRate, wav.Channels));
        Assert.Equal(result.Duration, wav.Duration);
        Assert.InRange(wav.Duration.TotalSeconds, 1.3, 1.7);
        Assert.True(LegBridgeTests.Rms(wav.Samples) > 1000, $"the speech is in the file (RMS {LegBridgeTests.Rms(wav.Samples):0})");
    }

    [Fact]
    public async Task The_beep_is_played_to_the_caller_when_asked()
    {
        var heard = new AudioCollector(0);
        Phone.Sink = heard;
        var recording = new CallRecording(Call, new RecordingRequest { Name = "beep.wav", MaxLength = TimeSpan.FromSeconds(1) }, _root);

        var result = await recording.RunAsync(TimeProvider.System, CancellationToken.None).WaitAsync(Patience);

        var beep = heard.Samples.Where(s => Math.Abs((int)s) > 3000).Count();
        Assert.InRange(beep, 400, 2000);
        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task A_finish_key_ends_the_recording_and_is_not_left_for_the_call()
    {
        var recording = new CallRecording(Call, new RecordingRequest { Name = "key.wav", FinishKeys = "#*", Beep = false }, _root);
        var running = recording.RunAsync(TimeProvider.System, CancellationToken.None);
        var pump = PumpKeysAsync(recording);
        await Phone.PlayAsync(Speech(TimeSpan.FromSeconds(1)));
        Phone.SendDigit('#', TimeSpan.FromMilliseconds(100));

        var result = await running.WaitAsync(Patience);

        Assert.Equal((RecordingStop.FinishKey, (char?)'#'), (result.StoppedBy, result.FinishKey));
        Assert.Equal(['#'], await pump.WaitAsync(Patience));
        Assert.InRange(result.Duration.TotalSeconds, 0.7, 1.5);
        Assert.True(File.Exists(result.Path));
    }

    [Fact]
    public async Task Without_any_audio_the_recording_still_ends_at_its_maximum_length()
    {
        var recording = new CallRecording(Call, new RecordingRequest { Name = "quiet.wav", MaxLength = TimeSpan.FromSeconds(1), Beep = false }, _root);

        var result = await recording.RunAsync(TimeProvider.System, CancellationToken.None).WaitAsync(Patience);

        Assert.Equal((RecordingStop.MaxLength, TimeSpan.Zero), (result.StoppedBy, result.Duration));
        Assert.Equal(TimeSpan.Zero, WavReader.Read(await File.ReadAllBytesAsync(result.Path!)).Audio!.Duration);
    }

    [Fact]
    public async Task A_hang_up_cancels_the_recording_but_keeps_what_was_said_and_the_previous_sink_keeps_hearing()
    {
        var earlier = new AudioCollector(4000);
        Call.Sink = earlier;
        var recording = new CallRecording(Call, new RecordingRequest { Name = "cut.wav", EndOnSilence = null }, _root);
        using var hangUp = new CancellationTokenSource();
        var running = recording.RunAsync(TimeProvider.System, hangUp.Token);
        await Phone.PlayAsync(Speech(TimeSpan.FromSeconds(1)));
        await earlier.Enough.WaitAsync(Patience);

        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Patience));
        Assert.Same(earlier, Call.Sink);
        var wav = WavReader.Read(await File.ReadAllBytesAsync(recording.Path)).Audio!;
        Assert.InRange(wav.Duration.TotalSeconds, 0.5, 1.5);
    }

    // Stands in for the call's digit pump: hands ended keys to the recording and keeps those it did not take.
    private async Task<List<char>> PumpKeysAsync(CallRecording recording)
    {
        var taken = new List<char>();
        await foreach (var key in Call.Digits.ReadAllAsync())
        {
            if (key.Kind == DtmfEventKind.Ended && recording.Key(key.Digit, key.Duration))
            {
                taken.Add(key.Digit);
                return taken;
            }
        }

        return taken;
    }

    // A voice-like signal loud enough to count as speech.
    private static IAudioSource Speech(TimeSpan length) => new AudioClip("speech", Tones.Sines(length, (400, -12), (900, -15))).Play();
}
