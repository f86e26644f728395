using Switchboard.Calls;
using Switchboard.Calls.Input;
using Switchboard.Prompts;

namespace Switchboard.Simulation;

/// <summary>
/// A call with no telephone behind it: prompts take virtual time by the length of their text, keys come from the
/// simulator's script. The only <see cref="ICall"/> outside the front-end adapters.
/// </summary>
public sealed class SimulatedCall : ICall, IDisposable
{
    private static readonly TimeSpan MinimumPromptLength = TimeSpan.FromMilliseconds(600);
    private static readonly TimeSpan PerCharacter = TimeSpan.FromMilliseconds(60);

    private readonly VirtualTimeProvider _time;
    private readonly PromptLibrary _library;
    private readonly CancellationTokenSource _hangUp = new();
    private readonly CallInput _input;
    private readonly Lock _parkLock = new();
    private TaskCompletionSource _parked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _parks;
    private Task? _waitingOn;
    private bool _answered;

    /// <summary>Creates a call from <paramref name="caller"/> to <paramref name="called"/> on virtual time.</summary>
    public SimulatedCall(string id, CallerInfo caller, string called, VirtualTimeProvider time, PromptLibrary library)
    {
        Id = id;
        Caller = caller;
        Called = called;
        _time = time;
        _library = library;
        Journal = new CallJournal(time);
        _input = new CallInput(time, new SimulatedPlayer(time, DurationOf), Journal, _hangUp.Token);
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public CallerInfo Caller { get; }

    /// <inheritdoc/>
    public string Called { get; }

    /// <inheritdoc/>
    public TimeProvider Time => _time;

    /// <inheritdoc/>
    public CallJournal Journal { get; }

    /// <inheritdoc/>
    public PromptScope Prompts { get; set; } = PromptScope.None;

    /// <inheritdoc/>
    public CancellationToken HangUpToken => _hangUp.Token;

    /// <inheritdoc/>
    public HangUpSide? EndedBy { get; private set; }

    /// <summary>The keypad side, for the simulator to see whether the flow plays or waits for keys.</summary>
    internal CallInput Input => _input;

    /// <summary>The virtual clock.</summary>
    internal VirtualTimeProvider Clock => _time;

    /// <summary>The operation the flow last started waiting on (completed once the flow has been resumed).</summary>
    internal Task? WaitingOn => _waitingOn;

    /// <summary>How many times the flow has started waiting on this call.</summary>
    internal int Parks
    {
        get { lock (_parkLock) { return _parks; } }
    }

    /// <summary>How long a prompt takes to play here: by its text in the call's language.</summary>
    public TimeSpan DurationOf(Prompt prompt)
    {
        var text = _library.TextOf(Prompts, prompt) ?? prompt.Key;
        var length = PerCharacter * text.Length;
        return length > MinimumPromptLength ? length : MinimumPromptLength;
    }

    /// <inheritdoc/>
    public Task AnswerAsync(CancellationToken ct)
    {
        ThrowIfEnded(ct);
        if (!_answered)
        {
            _answered = true;
            Journal.Add(CallEventKind.Answered, "answered");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<PlayResult> PlayAsync(PromptSequence prompts, bool bargeIn, CancellationToken ct) =>
        Park(_input.PlayAsync(prompts, bargeIn, ct));

    /// <inheritdoc/>
    public Task<DigitsResult> CollectDigitsAsync(DigitsRequest request, CancellationToken ct) =>
        Park(_input.CollectAsync(request, ct));

    /// <summary>
    /// Records in virtual time. The simulated caller says nothing and no audio exists, so no file is written (the result's
    /// path is null): the recording lasts until a finish key from the key script (the script's next group is pressed while
    /// it runs, as for a digit wait) or the maximum length; it never ends on silence. Keys typed before it are dropped, and
    /// other keys during it are ignored.
    /// </summary>
    public async Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken ct)
    {
        request.Validate();
        ThrowIfEnded(ct);
        Journal.Add(CallEventKind.Recording, request.Beep ? $"beep, then recording {request.Name}" : $"recording {request.Name}");
        var started = _time.GetUtcNow();
        var wait = await Park(_input.CollectAsync(request.FinishKeyWait() with
        {
            FirstDigitTimeout = request.MaxLength,
            TotalTimeout = request.MaxLength,
        }, ct));
        var result = wait.Digits.Length == 1
            ? new RecordingResult(null, _time.GetUtcNow() - started, RecordingStop.FinishKey, wait.Digits[0])
            : new RecordingResult(null, request.MaxLength, RecordingStop.MaxLength);
        Journal.Add(CallEventKind.Recording, $"{result.StoppedBy} after {result.Duration.TotalSeconds:0.0} s (the simulator stores no audio)");
        return result;
    }

    /// <inheritdoc/>
    public Task HangUpAsync(CancellationToken ct)
    {
        End(HangUpSide.App);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<CallControlResult> RouteToAsync(RouteRequest request, CancellationToken ct) =>
        Unsupported($"route to {string.Join(", ", request.Destinations)}", ct);

    /// <inheritdoc/>
    public Task<CallControlResult> DivertAsync(Destination destination, CancellationToken ct) =>
        Unsupported($"divert to {destination}", ct);

    /// <inheritdoc/>
    public Task<CallControlResult> ReplaceWithAsync(Destination destination, CancellationToken ct) =>
        Unsupported($"transfer to {destination}", ct);

    /// <inheritdoc/>
    public Task<CallControlResult> BridgeAsync(ICall other, CancellationToken ct) =>
        Unsupported($"bridge with call {other.Id}", ct);

    /// <summary>The caller presses a key.</summary>
    public void Press(char key) => _input.Press(key);

    /// <summary>The caller hangs up.</summary>
    public void CallerHangsUp() => End(HangUpSide.Caller);

    /// <inheritdoc/>
    public void Dispose()
    {
        _input.Dispose();
        _hangUp.Dispose();
    }

    /// <summary>
    /// Waits (in real time) until the flow has started waiting on this call more than <paramref name="seen"/> times, or
    /// <paramref name="flow"/> has finished. A flow that does neither for <see cref="StallLimit"/> waits on something the
    /// simulator cannot drive, which is a bug in the flow.
    /// </summary>
    internal async Task WaitForFlowAsync(Task flow, int seen)
    {
        using var stop = new CancellationTokenSource();
        var stalled = Task.Delay(StallLimit, stop.Token);
        while (!flow.IsCompleted)
        {
            Task parked;
            lock (_parkLock)
            {
                if (_parks > seen)
                {
                    break;
                }

                parked = _parked.Task;
            }

            if (await Task.WhenAny(parked, flow, stalled) == stalled)
            {
                throw new InvalidOperationException(
                    $"The flow neither finished nor waited on the call for {StallLimit.TotalSeconds:0.###} s of real time: flows must wait only through ICall.");
            }
        }

        await stop.CancelAsync();
    }

    /// <summary>How long (real time) the flow may run between two waits on the call; one minute unless a test shortens it.</summary>
    internal TimeSpan StallLimit { get; init; } = TimeSpan.FromMinutes(1);

    private Task<T> Park<T>(Task<T> operation)
    {
        if (!operation.IsCompleted)
        {
            TaskCompletionSource signal;
            lock (_parkLock)
            {
                _waitingOn = operation;
                _parks++;
                signal = _parked;
                _parked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            signal.SetResult();
        }

        return operation;
    }

    private Task<CallControlResult> Unsupported(string what, CancellationToken ct)
    {
        ThrowIfEnded(ct);
        var result = CallControlResult.NotSupported("the simulator", what);
        Journal.Add(CallEventKind.Control, $"{what}: {result.Outcome} ({result.Reason})");
        return Task.FromResult(result);
    }

    private void ThrowIfEnded(CancellationToken ct)
    {
        _hangUp.Token.ThrowIfCancellationRequested();
        ct.ThrowIfCancellationRequested();
    }

    private void End(HangUpSide side)
    {
        if (EndedBy is not null)
        {
            return;
        }

        EndedBy = side;
        Journal.Add(CallEventKind.HangUp, side == HangUpSide.Caller ? "the caller hung up" : "the app hung up");
        _hangUp.Cancel();
    }
}
