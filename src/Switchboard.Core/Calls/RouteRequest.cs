namespace Switchboard.Calls;

/// <summary>What <see cref="ICall.RouteToAsync"/> rings: one or more destinations at once, for at most <see cref="RingTimeout"/>.</summary>
public sealed record RouteRequest
{
    /// <summary>The destinations rung at the same time; the first to answer takes the caller over.</summary>
    public required IReadOnlyList<Destination> Destinations { get; init; }

    /// <summary>How long to ring before the attempt counts as not answered.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
