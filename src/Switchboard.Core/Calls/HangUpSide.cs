namespace Switchboard.Calls;

/// <summary>Which side ended a call, reported in the journal and by the simulator.</summary>
public enum HangUpSide
{
    /// <summary>The caller (or the network on the caller's behalf) hung up.</summary>
    Caller,

    /// <summary>The flow hung up, or the call ended because the flow finished.</summary>
    App,
}
