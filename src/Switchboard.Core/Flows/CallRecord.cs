using Switchboard.Calls;

namespace Switchboard.Flows;

/// <summary>A call as the <c>calls</c> table keeps it, with its event log.</summary>
/// <param name="Id">The call id.</param>
/// <param name="App">The app instance id.</param>
/// <param name="AppType">The app type.</param>
/// <param name="StartedAt">When the flow started.</param>
/// <param name="EndedAt">When it ended; null while the call runs (or if the server stopped mid-call).</param>
/// <param name="CallerRaw">Every raw caller-id value and the Privacy header, as JSON.</param>
/// <param name="CallerNumber">The caller's number in E.164, as Switchboard.Numbers read it; null when withheld or unusable.</param>
/// <param name="CallerType">That number's type (<c>Mobile</c>, <c>FixedLine</c>, …).</param>
/// <param name="Called">The number dialled.</param>
/// <param name="Outcome">How the call ended for the business.</param>
/// <param name="HangUp">Who hung up.</param>
/// <param name="MessageIds">The outbox ids of the messages the call caused, linked as each was queued (<c>call_messages</c>).</param>
/// <param name="Events">The ordered event log.</param>
public sealed record CallRecord(
    string Id, string App, string AppType, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string CallerRaw,
    string? CallerNumber, string? CallerType, string Called, string? Outcome, HangUpSide? HangUp,
    IReadOnlyList<string> MessageIds, IReadOnlyList<CallEvent> Events);
