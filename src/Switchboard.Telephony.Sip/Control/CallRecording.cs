using Switchboard.Calls;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>
/// <see cref="ICall.RecordAsync"/> over an RTP session: Media's <see cref="WavRecorder"/> becomes the session's sink (the
/// sink it had, a bridge's relay, keeps getting every frame), finish keys the call hears are handed to <see cref="Key"/>, and
/// the WAV file is written when the recording ends, is cancelled, or the caller hangs up.
/// </summary>
public sealed class CallRecording : IAudioSink
{
    // How long past the maximum length the wall clock waits for the audio to reach it, before ending the recording itself.
    private static readonly TimeSpan AudioGrace = TimeSpan.FromSeconds(1);

    private readonly RtpSession _session;
    private readonly RecordingRequest _request;
    private readonly string _path;
    private readonly WavRecorder _recorder;
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IAudioSink? _previous;
    private char? _finishKey;
    private bool _recording;

    /// <summary>A recording of <paramref name="session"/>'s received audio as <paramref name="request"/> says, into a file under <paramref name="recordingsRoot"/> (see <see cref="RecordingRequest.PathUnder"/>).</summary>
    public CallRecording(RtpSession session, RecordingRequest request, string recordingsRoot)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        _session = session;
        _request = request;
        _path = request.PathUnder(recordingsRoot);
        _recorder = new WavRecorder(new RecordingOptions { MaxLength = request.MaxLength, EndOnSilence = request.EndOnSilence, EndKeys = request.FinishKeys });
    }

    /// <summary>The file the recording is written to.</summary>
    public string Path => _path;

    /// <summary>
    /// Beeps when asked, then records until the request's limits end it. <paramref name="time"/> ends it a second after the maximum length
    /// even when no audio arrives (a held or silent peer). Cancelling <paramref name="ct"/> (the caller hung up, the flow gave
    /// up) stops it, writes what was recorded, and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<RecordingResult> RunAsync(TimeProvider time, CancellationToken ct)
    {
        try
        {
            if (_request.Beep)
            {
                await _session.PlayAsync(AudioSources.Beep()).WaitAsync(ct);
            }

            lock (_lock)
            {
                _previous = _session.Sink;
                _recording = true;
            }

            _session.Sink = this;
            await _ended.Task.WaitAsync(_request.MaxLength + AudioGrace, time, ct);
        }
        catch (TimeoutException)
        {
        }
        finally
        {
            lock (_lock)
            {
                _recording = false;
                _recorder.Stop();
            }

            if (_session.Sink == this)
            {
                _session.Sink = _previous;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
            await File.WriteAllBytesAsync(_path, _recorder.ToWav(), CancellationToken.None);
        }

        return new RecordingResult(_path, _recorder.Duration, _recorder.Ended switch
        {
            RecordingEnd.Silence => RecordingStop.Silence,
            RecordingEnd.Key => RecordingStop.FinishKey,
            _ => RecordingStop.MaxLength,
        }, _finishKey);
    }

    /// <summary>A key the caller pressed (its end, with how long it was held): true when it was a finish key and ended the recording, so the call does not also buffer it.</summary>
    public bool Key(char digit, TimeSpan duration)
    {
        lock (_lock)
        {
            if (!_recording || !_recorder.Key(digit, duration))
            {
                return false;
            }

            _finishKey = digit;
        }

        _ended.TrySetResult();
        return true;
    }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<short> frame)
    {
        _previous?.Write(frame);
        bool going;
        lock (_lock)
        {
            going = !_recording || _recorder.Write(frame);
        }

        if (!going)
        {
            _ended.TrySetResult();
        }
    }
}
