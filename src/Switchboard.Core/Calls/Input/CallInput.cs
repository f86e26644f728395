using Switchboard.Prompts;

namespace Switchboard.Calls.Input;

/// <summary>
/// A call's keypad side, the same for every front-end: the type-ahead buffer, barge-in, and digit collection with
/// its timers on the call's <see cref="TimeProvider"/>. The front-end feeds keys and plays prompts; flows get the results.
/// </summary>
/// <remarks>
/// One prompt or collection runs at a time. Hang-up (the token given at construction) cancels whatever is pending
/// and every later request. Thread-safe: keys, timers and playback may report from any thread.
/// </remarks>
public sealed class CallInput : IDisposable
{
    /// <summary>Keys kept while nobody reads them; older keys beyond this are dropped.</summary>
    public const int TypeAheadLimit = 64;

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly IPromptPlayer _player;
    private readonly CallJournal _journal;
    private readonly CancellationToken _hangUp;
    private readonly CancellationTokenRegistration _hangUpRegistration;
    private readonly Queue<char> _typeAhead = new();
    private Operation? _operation;
    private int _playback;
    private AutoEndTail? _autoEndTail;

    /// <summary>Creates the input side of a call whose far end hanging up fires <paramref name="hangUp"/>.</summary>
    public CallInput(TimeProvider time, IPromptPlayer player, CallJournal journal, CancellationToken hangUp)
    {
        _time = time;
        _player = player;
        _journal = journal;
        _hangUp = hangUp;
        _hangUpRegistration = hangUp.Register(() => Cancel(null, hangUp));
    }

    /// <summary>What the input is doing now.</summary>
    public InputState State
    {
        get
        {
            lock (_lock)
            {
                return _operation switch
                {
                    null => InputState.Idle,
                    { InPrompt: true } => InputState.Playing,
                    _ => InputState.WaitingForKeys,
                };
            }
        }
    }

    /// <summary>How many times a collection has started waiting for keys (each prompt end or barge-in counts once).</summary>
    public int KeyWaits { get; private set; }

    /// <summary>The keys typed ahead and not yet read.</summary>
    public string TypeAhead
    {
        get { lock (_lock) { return new string([.. _typeAhead]); } }
    }

    /// <summary>A key arrived from the caller (DTMF). Safe from any thread, at any time after media started.</summary>
    public void Press(char key)
    {
        if (!Keypad.IsKey(key))
        {
            throw new ArgumentException($"'{key}' is not a DTMF key.", nameof(key));
        }

        var effects = new Effects();
        lock (_lock)
        {
            if (_hangUp.IsCancellationRequested)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (_autoEndTail is { } tail)
            {
                _autoEndTail = null;
                if (now <= tail.Until && tail.FinishKeys.Contains(key, StringComparison.Ordinal))
                {
                    _journal.Add(CallEventKind.Key, $"{key} (finish key right after the entry ended by itself: ignored)");
                    return;
                }
            }

            switch (_operation)
            {
                case { InPrompt: false, Entry: { } entry } collect:
                    var use = entry.Press(key, now);
                    _journal.Add(CallEventKind.Key, Describe(key, use));
                    Advance(collect, now, effects);
                    break;
                case { InPrompt: true } playing when playing.BargeIn:
                    _journal.Add(CallEventKind.Key, $"{key}");
                    Buffer(key);
                    _journal.Add(CallEventKind.BargeIn, $"{key} stopped the prompt");
                    StopPlayback(effects);
                    EndPrompt(playing, key, now, effects);
                    break;
                default:
                    _journal.Add(CallEventKind.Key, $"{key} (type-ahead)");
                    Buffer(key);
                    break;
            }
        }

        effects.Run();
    }

    /// <summary>Forgets every key typed ahead.</summary>
    public void FlushTypeAhead()
    {
        lock (_lock)
        {
            Flush();
        }
    }

    /// <summary>Plays <paramref name="prompts"/>; with <paramref name="bargeIn"/> a key (new or typed ahead) stops it.</summary>
    public Task<PlayResult> PlayAsync(PromptSequence prompts, bool bargeIn, CancellationToken ct)
    {
        var effects = new Effects();
        Operation operation;
        lock (_lock)
        {
            if (Refuse(ct) is { } refused)
            {
                return Task.FromCanceled<PlayResult>(refused);
            }

            if (prompts.Count == 0)
            {
                return Task.FromResult(PlayResult.Finished);
            }

            operation = new Operation(prompts, bargeIn, request: null);
            _operation = operation;
            operation.Watch(this, ct);
            if (_operation != operation)
            {
                return operation.PlayCompletion.Task;
            }

            if (bargeIn && _typeAhead.TryPeek(out var key))
            {
                _journal.Add(CallEventKind.BargeIn, $"{key} typed ahead: prompt {prompts} skipped");
                EndPrompt(operation, key, _time.GetUtcNow(), effects);
            }
            else
            {
                StartPlayback(operation, effects);
            }
        }

        effects.Run();
        return operation.PlayCompletion.Task;
    }

    /// <summary>Plays the request's prompt, then collects digits by its rules (see <see cref="DigitsRequest"/>).</summary>
    public Task<DigitsResult> CollectAsync(DigitsRequest request, CancellationToken ct)
    {
        request.Validate();
        var effects = new Effects();
        Operation operation;
        lock (_lock)
        {
            if (Refuse(ct) is { } refused)
            {
                return Task.FromCanceled<DigitsResult>(refused);
            }

            if (request.FlushTypeAhead)
            {
                Flush();
            }

            operation = new Operation(request.Prompt, request.BargeIn, request)
            {
                Timer = _time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan),
            };
            _operation = operation;
            operation.Watch(this, ct);
            if (_operation != operation)
            {
                return operation.DigitsCompletion.Task;
            }

            BeginAttempt(operation, _time.GetUtcNow(), effects);
        }

        effects.Run();
        return operation.DigitsCompletion.Task;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _hangUpRegistration.Dispose();
        Cancel(null, _hangUp.IsCancellationRequested ? _hangUp : new CancellationToken(canceled: true));
    }

    private CancellationToken? Refuse(CancellationToken ct)
    {
        if (_hangUp.IsCancellationRequested)
        {
            return _hangUp;
        }

        if (ct.IsCancellationRequested)
        {
            return ct;
        }

        if (_operation is not null)
        {
            throw new InvalidOperationException("A prompt or collection is already running on this call; await it first.");
        }

        return null;
    }

    private void BeginAttempt(Operation collect, DateTimeOffset now, Effects effects)
    {
        if (collect.Prompts.Count == 0)
        {
            StartEntry(collect, now, effects);
        }
        else if (collect.BargeIn && _typeAhead.TryPeek(out var key))
        {
            _journal.Add(CallEventKind.BargeIn, $"{key} typed ahead: prompt {collect.Prompts} skipped");
            StartEntry(collect, now, effects);
        }
        else
        {
            StartPlayback(collect, effects);
        }
    }

    private void StartPlayback(Operation operation, Effects effects)
    {
        operation.InPrompt = true;
        var progress = new Progress(this, operation, ++_playback);
        effects.Add(() => _player.Start(operation.Prompts, progress));
    }

    private void StopPlayback(Effects effects)
    {
        _playback++;
        effects.Add(_player.Interrupt);
    }

    private void OnPromptStarted(Progress progress, int index)
    {
        lock (_lock)
        {
            if (progress.Playback == _playback && _operation == progress.Operation)
            {
                var prompt = progress.Operation.Prompts[index];
                _journal.AddPrompt(prompt.Name, prompt.Name);
            }
        }
    }

    private void OnPromptFinished(Progress progress)
    {
        var effects = new Effects();
        lock (_lock)
        {
            if (progress.Playback != _playback || _operation != progress.Operation || !progress.Operation.InPrompt)
            {
                return;
            }

            _playback++;
            EndPrompt(progress.Operation, null, _time.GetUtcNow(), effects);
        }

        effects.Run();
    }

    private void EndPrompt(Operation operation, char? bargedInBy, DateTimeOffset now, Effects effects)
    {
        operation.InPrompt = false;
        if (operation.Request is null)
        {
            Complete(operation, effects, () => operation.PlayCompletion.TrySetResult(new PlayResult(bargedInBy)));
        }
        else
        {
            StartEntry(operation, now, effects);
        }
    }

    private void StartEntry(Operation collect, DateTimeOffset now, Effects effects)
    {
        KeyWaits++;
        var entry = new DigitEntry(collect.Request!, now);
        collect.Entry = entry;
        while (!entry.IsOver && _typeAhead.TryDequeue(out var key))
        {
            var use = entry.Press(key, now);
            if (use is KeyUse.Clear or KeyUse.Ignored)
            {
                _journal.Add(CallEventKind.Key, Describe(key, use) + " from type-ahead");
            }
        }

        Advance(collect, now, effects);
    }

    private void Advance(Operation collect, DateTimeOffset now, Effects effects)
    {
        var entry = collect.Entry!;
        if (entry.Cleared)
        {
            collect.Clears++;
            _journal.Add(CallEventKind.Digits, $"cleared after '{entry.Digits}': starting again");
            collect.Entry = null;
            collect.Timer!.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            BeginAttempt(collect, now, effects);
        }
        else if (entry.Result is { } result)
        {
            result = result with { Clears = collect.Clears };
            _journal.Add(CallEventKind.Digits, $"{result.End}: '{result.Digits}'" + (result.TooShort ? " (too short)" : ""));
            if (result.End is DigitsEnd.Complete or DigitsEnd.MaxDigits && collect.Request!.FinishKeys.Length > 0)
            {
                _autoEndTail = new AutoEndTail(collect.Request.FinishKeys, now + collect.Request.InterDigitTimeout);
            }

            Complete(collect, effects, () => collect.DigitsCompletion.TrySetResult(result));
        }
        else
        {
            collect.Timer!.Change(entry.Deadline!.Value - now, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        var effects = new Effects();
        lock (_lock)
        {
            if (_operation is not { InPrompt: false, Entry: { } entry } collect)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (entry.Deadline is { } deadline && now >= deadline)
            {
                entry.Expire(now);
                Advance(collect, now, effects);
            }
        }

        effects.Run();
    }

    private void Cancel(Operation? only, CancellationToken token)
    {
        var effects = new Effects();
        lock (_lock)
        {
            if (_operation is not { } operation || (only is not null && only != operation))
            {
                return;
            }

            if (operation.InPrompt)
            {
                StopPlayback(effects);
            }

            Complete(operation, effects, () =>
            {
                operation.PlayCompletion.TrySetCanceled(token);
                operation.DigitsCompletion.TrySetCanceled(token);
            });
        }

        effects.Run();
    }

    private void Complete(Operation operation, Effects effects, Action complete)
    {
        _operation = null;
        operation.Timer?.Dispose();
        effects.Add(operation.Registration.Dispose);
        effects.Add(complete);
    }

    private void Buffer(char key)
    {
        if (_typeAhead.Count == TypeAheadLimit)
        {
            _typeAhead.Dequeue();
        }

        _typeAhead.Enqueue(key);
    }

    private void Flush()
    {
        if (_typeAhead.Count > 0)
        {
            _journal.Add(CallEventKind.Key, $"type-ahead '{new string([.. _typeAhead])}' flushed");
            _typeAhead.Clear();
        }
    }

    private static string Describe(char key, KeyUse use) => use switch
    {
        KeyUse.Clear => $"{key} (clear)",
        KeyUse.Ignored => $"{key} (ignored)",
        _ => $"{key}",
    };

    /// <summary>One prompt or collection in progress.</summary>
    private sealed class Operation(PromptSequence prompts, bool bargeIn, DigitsRequest? request)
    {
        public PromptSequence Prompts { get; } = prompts;
        public bool BargeIn { get; } = bargeIn;
        public DigitsRequest? Request { get; } = request;
        public bool InPrompt { get; set; }
        public DigitEntry? Entry { get; set; }
        public int Clears { get; set; }
        public ITimer? Timer { get; init; }
        public CancellationTokenRegistration Registration { get; private set; }

        public TaskCompletionSource<PlayResult> PlayCompletion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<DigitsResult> DigitsCompletion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Watch(CallInput input, CancellationToken ct)
        {
            if (ct.CanBeCanceled)
            {
                Registration = ct.UnsafeRegister(_ => input.Cancel(this, ct), null);
            }
        }
    }

    private sealed class Progress(CallInput input, Operation operation, int playback) : IPromptProgress
    {
        public Operation Operation { get; } = operation;
        public int Playback { get; } = playback;
        public void PromptStarted(int index) => input.OnPromptStarted(this, index);
        public void Finished() => input.OnPromptFinished(this);
    }

    private sealed record AutoEndTail(string FinishKeys, DateTimeOffset Until);

    /// <summary>Calls out (player, task completions) gathered under the lock and run after it is released.</summary>
    private sealed class Effects
    {
        private List<Action>? _actions;
        public void Add(Action action) => (_actions ??= []).Add(action);

        public void Run()
        {
            foreach (var action in _actions ?? [])
            {
                action();
            }
        }
    }
}
