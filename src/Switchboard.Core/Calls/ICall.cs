using Switchboard.Prompts;

namespace Switchboard.Calls;

/// <summary>One telephone call as a flow sees it, the same over SIP, Twilio and the simulator.</summary>
/// <remarks>
/// When the far end hangs up, every pending operation completes at once as cancelled
/// (<see cref="OperationCanceledException"/>) and <see cref="HangUpToken"/> fires. All timers run on
/// <see cref="Time"/>, so a simulated call runs on virtual time.
/// </remarks>
public interface ICall
{
    /// <summary>The call's unique id, as written in logs and in the <c>calls</c> table.</summary>
    string Id { get; }

    /// <summary>Who is calling: every raw caller-id source the front-end received.</summary>
    CallerInfo Caller { get; }

    /// <summary>The number or extension the caller dialled, as the front-end received it.</summary>
    string Called { get; }

    /// <summary>The clock every timer of this call uses.</summary>
    TimeProvider Time { get; }

    /// <summary>What the call has seen so far: prompts, keys, decisions, messages, outcome.</summary>
    CallJournal Journal { get; }

    /// <summary>Which app's recordings and which language <see cref="Prompt.Of"/> refers to; the flow host sets it.</summary>
    PromptScope Prompts { get; set; }

    /// <summary>Fires when the call ends, whoever hung up.</summary>
    CancellationToken HangUpToken { get; }

    /// <summary>Who ended the call, once it has ended.</summary>
    HangUpSide? EndedBy { get; }

    /// <summary>Answers the call; media (and the type-ahead buffer) starts.</summary>
    Task AnswerAsync(CancellationToken ct);

    /// <summary>Plays a prompt sequence. With <paramref name="bargeIn"/> the first key stops it and stays in the type-ahead buffer.</summary>
    Task<PlayResult> PlayAsync(PromptSequence prompts, bool bargeIn, CancellationToken ct);

    /// <summary>Plays the request's prompt and collects keypad digits by its rules.</summary>
    Task<DigitsResult> CollectDigitsAsync(DigitsRequest request, CancellationToken ct);

    /// <summary>
    /// Records what the caller says into a WAV file (after a beep when asked) until the request's maximum length, silence
    /// after speech, or a finish key. A hang-up cancels it like every operation; the audio recorded until then is kept in the file.
    /// </summary>
    Task<RecordingResult> RecordAsync(RecordingRequest request, CancellationToken ct);

    /// <summary>Ends the call from our side.</summary>
    Task HangUpAsync(CancellationToken ct);

    /// <summary>Rings one or more destinations while the flow goes on; the first to answer takes the caller over.</summary>
    Task<CallControlResult> RouteToAsync(RouteRequest request, CancellationToken ct);

    /// <summary>Before answering: redirects the call elsewhere (SIP 302, Twilio Dial).</summary>
    Task<CallControlResult> DivertAsync(Destination destination, CancellationToken ct);

    /// <summary>Blind transfer: hands the answered caller to another destination and leaves the call.</summary>
    Task<CallControlResult> ReplaceWithAsync(Destination destination, CancellationToken ct);

    /// <summary>Connects this call's media to another leg Switchboard holds itself, until either side hangs up.</summary>
    Task<CallControlResult> BridgeAsync(ICall other, CancellationToken ct);
}
