using Switchboard.Calls;
using Switchboard.Telephony.Sip.Control;

namespace Switchboard.Telephony.Sip.Calls;

/// <summary>Recording on a SIP call: the caller's RTP audio into a WAV file through <see cref="CallRecording"/>.</summary>
public sealed partial class SipCall
{
    /// <summary>Where <see cref="RecordAsync"/> puts recordings named relatively; the host sets it (by default <c>data/recordings</c>).</summary>
    public string RecordingsRoot { get; set; } = Path.Combine("data", "recordings");

    /// <summary>
    /// Answers if needed, then records the caller (see <see cref="CallRecording"/>). Finish keys are heard through the call's
    /// keypad input (<see cref="RecordingRequest.FinishKeyWait"/>), so keys typed before the recording do not end it and other
    /// keys during it are ignored. A hang-up cancels it after the audio so far is written.
    /// </summary>
    public async Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        await EnsureMediaAsync(ct);
        var recording = new CallRecording(_media, request, RecordingsRoot);
        Journal.Add(CallEventKind.Recording, $"recording {recording.Path}");
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, _hangUp.Token);
        using var keysDone = CancellationTokenSource.CreateLinkedTokenSource(either.Token);
        var keys = request.FinishKeys.Length == 0 ? Task.CompletedTask : WatchFinishKeysAsync(recording, request, keysDone.Token);
        try
        {
            var result = await recording.RunAsync(Time, either.Token);
            Journal.Add(CallEventKind.Recording, $"{result.StoppedBy} after {result.Duration.TotalSeconds:0.0} s: {result.Path}");
            return result;
        }
        finally
        {
            await keysDone.CancelAsync();
            await keys;
        }
    }

    private async Task WatchFinishKeysAsync(CallRecording recording, RecordingRequest request, CancellationToken ct)
    {
        try
        {
            var wait = await _input.CollectAsync(request.FinishKeyWait(), ct);
            if (wait.Digits.Length == 1)
            {
                recording.Key(wait.Digits[0], TimeSpan.Zero);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
