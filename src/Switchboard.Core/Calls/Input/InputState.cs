namespace Switchboard.Calls.Input;

/// <summary>What a call's keypad input is doing right now.</summary>
public enum InputState
{
    /// <summary>No prompt and no collection: keys go into the type-ahead buffer.</summary>
    Idle,

    /// <summary>A prompt is playing (on its own or before a collection).</summary>
    Playing,

    /// <summary>A collection is waiting for keys; its timers run.</summary>
    WaitingForKeys,
}
