namespace Switchboard.Numbers;

/// <summary>Where a number typed on a keypad stands, so digit collection can end exactly when the number is complete.</summary>
public enum KeypadEntryState
{
    /// <summary>No continuation of these digits is a valid number.</summary>
    CannotBecomeValid,

    /// <summary>Not valid yet, may become valid with more digits.</summary>
    Incomplete,

    /// <summary>Valid now, but a longer number starting with these digits may also be valid.</summary>
    ValidCanGrow,

    /// <summary>Valid and cannot get longer: entry may finish without <c>#</c>.</summary>
    Complete,
}
