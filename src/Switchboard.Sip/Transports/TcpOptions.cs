namespace Switchboard.Sip.Transports;

/// <summary>Limits of the TCP transport, which bound the memory and sockets one peer (or many) can hold.</summary>
public sealed record TcpOptions
{
    /// <summary>A connection with no complete message for this long is closed (an unfinished message counts as idle).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to wait for an outgoing connection to open.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most connections open at once; beyond it new ones are refused.</summary>
    public int MaxConnections { get; init; } = 10_000;
}
