using Switchboard.Calls;

namespace Switchboard.Telephony.Sip.Control;

/// <summary>
/// Rings every destination of a <see cref="RouteRequest"/> at once: the first to answer wins and the others are cancelled
/// (one whose 2xx crosses the CANCEL is acknowledged and hung up), the ring timeout ends them all, and the caller hanging
/// up cancels them all.
/// </summary>
public static class RouteAttempt
{
    /// <summary>
    /// Rings <paramref name="request"/>'s destinations through <paramref name="dialer"/>. Returns at the first answer (with the
    /// winning leg) or when every destination has failed (NoAnswer if any rang out, else Busy if any was busy, else Failed
    /// with each one's reason). Cancelling <paramref name="callerGone"/> cancels every leg and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<RouteOutcome> RingAsync(OutboundDialer dialer, RouteRequest request, CancellationToken callerGone)
    {
        ArgumentNullException.ThrowIfNull(dialer);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Destinations.Count == 0)
        {
            return new RouteOutcome(new CallControlResult(CallControlOutcome.Failed, "no destinations to ring"), null, Task.CompletedTask);
        }

        var others = CancellationTokenSource.CreateLinkedTokenSource(callerGone);
        var chosen = new TaskCompletionSource<OutboundLeg?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var legs = request.Destinations.Select(d => dialer.DialAsync(d, request.RingTimeout, others.Token)).ToList();
        var settled = SettleAsync(legs, chosen.Task, others);
        try
        {
            var pending = legs.ToList();
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                if (done is { IsCompletedSuccessfully: true, Result.Leg: { } winner })
                {
                    await others.CancelAsync();
                    chosen.SetResult(winner);
                    return new RouteOutcome(done.Result.Result, winner, settled);
                }
            }
        }
        finally
        {
            chosen.TrySetResult(null);
        }

        await settled;
        callerGone.ThrowIfCancellationRequested();
        return new RouteOutcome(Combine(request.Destinations, [.. legs.Select(l => l.Result.Result)]), null, settled);
    }

    // Waits for every leg once the winner (or none) is known; any other leg that was answered (its 2xx came just after the
    // winner's) is hung up. A leg that threw something other than cancellation is a bug and fails this task.
    private static async Task SettleAsync(List<Task<LegAttempt>> legs, Task<OutboundLeg?> chosen, CancellationTokenSource others)
    {
        var winner = await chosen;
        try
        {
            foreach (var leg in legs)
            {
                try
                {
                    if (await leg is { Leg: { } answered } && answered != winner)
                    {
                        await answered.HangUpAsync(CancellationToken.None);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
        finally
        {
            others.Dispose();
        }
    }

    private static CallControlResult Combine(IReadOnlyList<Destination> destinations, List<CallControlResult> failures)
    {
        if (failures.Count == 1)
        {
            return failures[0];
        }

        var outcome = failures.Any(f => f.Outcome == CallControlOutcome.NoAnswer) ? CallControlOutcome.NoAnswer
            : failures.Any(f => f.Outcome == CallControlOutcome.Busy) ? CallControlOutcome.Busy
            : CallControlOutcome.Failed;
        return new CallControlResult(outcome, string.Join("; ", destinations.Zip(failures, (d, f) => $"{d}: {f.Reason}")));
    }
}

/// <summary>What <see cref="RouteAttempt.RingAsync"/> came to.</summary>
/// <param name="Result">Succeeded with <see cref="CallControlResult.AnsweredBy"/>, or why nobody took the call.</param>
/// <param name="Winner">The answered leg (now the receiver's to bridge or hang up), or null.</param>
/// <param name="Settled">Completes once every other leg has ended (cancelled, failed, or answered late and hung up).</param>
public sealed record RouteOutcome(CallControlResult Result, OutboundLeg? Winner, Task Settled);
