using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Audio;

/// <summary>Records what a caller says (8 kHz linear audio, fed frame by frame) until a maximum length, a stretch of
/// silence after speech, or a key; the silence or key that ended it is cut off the end. It can be a session's
/// <see cref="IAudioSink"/> directly: frames arrive on the receive loop while keys and stops come from the call's flow.</summary>
public sealed class WavRecorder : IAudioSink
{
    private const int SampleRate = Resampler.TelephonyRate;
    private readonly RecordingOptions _options;
    private readonly List<short> _samples = [];
    private readonly double _silencePower;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<RecordingEnd> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _silentRun;
    private bool _heardSpeech;
    private RecordingEnd? _ended;

    /// <summary>A recorder with those limits.</summary>
    public WavRecorder(RecordingOptions options)
    {
        _options = options;
        _silencePower = 0.5 * Math.Pow(32767 * Math.Pow(10, (options.SilenceThresholdDbm0 - 3.14) / 20), 2);
    }

    /// <summary>Why the recording ended, or null while it goes on.</summary>
    public RecordingEnd? Ended
    {
        get
        {
            lock (_lock)
            {
                return _ended;
            }
        }
    }

    /// <summary>Completes with the reason once the recording has ended (for a flow that waits for the caller to finish).</summary>
    public Task<RecordingEnd> Completion => _completion.Task;

    /// <summary>A copy of the audio recorded so far (without the silence or key that ended it).</summary>
    public IReadOnlyList<short> Samples
    {
        get
        {
            lock (_lock)
            {
                return _samples.ToArray();
            }
        }
    }

    /// <summary>The length recorded so far.</summary>
    public TimeSpan Duration
    {
        get
        {
            lock (_lock)
            {
                return TimeSpan.FromSeconds(_samples.Count / (double)SampleRate);
            }
        }
    }

    /// <summary>Adds one frame; returns false once the recording has ended (later frames are ignored).</summary>
    public bool Write(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (_ended is not null)
            {
                return false;
            }

            var room = (int)(_options.MaxLength.TotalSeconds * SampleRate) - _samples.Count;
            var take = frame[..Math.Min(frame.Length, room)];
            var power = 0.0;
            foreach (var sample in take)
            {
                _samples.Add(sample);
                power += (double)sample * sample;
            }

            var silent = take.Length > 0 && power / take.Length < _silencePower;
            _silentRun = silent ? _silentRun + take.Length : 0;
            _heardSpeech |= !silent && take.Length > 0;
            if (_options.EndOnSilence is { } silence && _heardSpeech && _silentRun >= silence.TotalSeconds * SampleRate)
            {
                Trim(_silentRun);
                End(RecordingEnd.Silence);
            }
            else if (take.Length < frame.Length || room == take.Length)
            {
                End(RecordingEnd.MaxLength);
            }

            return _ended is null;
        }
    }

    void IAudioSink.Write(ReadOnlySpan<short> frame) => Write(frame);

    /// <summary>A key heard on the call (as its session reports it when it ends): ends the recording if it is one of the end
    /// keys, cutting off its tone when the key came in the audio (an RFC 4733 or SIP INFO key left no tone in it).</summary>
    public bool Key(DtmfEvent key) => Key(key.Digit, key.Source == DtmfSource.InBand ? key.Duration : TimeSpan.Zero);

    /// <summary>A key was pressed: ends the recording if it is one of the end keys (cutting off the last
    /// <paramref name="keyDuration"/>, the key's tone in the audio), and says whether it did.</summary>
    public bool Key(char digit, TimeSpan keyDuration)
    {
        lock (_lock)
        {
            if (_ended is not null || !_options.EndKeys.Contains(digit, StringComparison.Ordinal))
            {
                return false;
            }

            Trim((int)(keyDuration.TotalSeconds * SampleRate));
            End(RecordingEnd.Key);
            return true;
        }
    }

    /// <summary>Ends the recording from outside (the caller hung up, the flow stopped it).</summary>
    public void Stop()
    {
        lock (_lock)
        {
            if (_ended is null)
            {
                End(RecordingEnd.Stopped);
            }
        }
    }

    /// <summary>The recording as a WAV file.</summary>
    public byte[] ToWav(WavEncoding encoding = WavEncoding.Pcm16)
    {
        short[] samples;
        lock (_lock)
        {
            samples = [.. _samples];
        }

        return WavWriter.Write(samples, SampleRate, encoding);
    }

    // Under the lock.
    private void End(RecordingEnd end)
    {
        _ended = end;
        _completion.TrySetResult(end);
    }

    private void Trim(int samples) => _samples.RemoveRange(Math.Max(0, _samples.Count - samples), Math.Min(samples, _samples.Count));
}

/// <summary>When a <see cref="WavRecorder"/> stops.</summary>
public sealed record RecordingOptions
{
    /// <summary>The longest recording.</summary>
    public TimeSpan MaxLength { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>End after this much silence once the caller has spoken; null to never end on silence.</summary>
    public TimeSpan? EndOnSilence { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Frames quieter than this count as silence (dBm0).</summary>
    public double SilenceThresholdDbm0 { get; init; } = -45;

    /// <summary>Keys that end the recording.</summary>
    public string EndKeys { get; init; } = "#";
}

/// <summary>Why a recording ended.</summary>
public enum RecordingEnd
{
    /// <summary>It reached the maximum length.</summary>
    MaxLength,

    /// <summary>The caller fell silent.</summary>
    Silence,

    /// <summary>The caller pressed an end key.</summary>
    Key,

    /// <summary>It was stopped from outside.</summary>
    Stopped,
}
