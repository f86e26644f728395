namespace Switchboard.Numbers;

/// <summary>The result of <see cref="NumberPlan.CheckKeypadEntry"/>: the entry's state and, once valid, the number.</summary>
/// <param name="State">Where the entry stands.</param>
/// <param name="Number">The number the digits form when they are valid (<see cref="KeypadEntryState.ValidCanGrow"/> or <see cref="KeypadEntryState.Complete"/>), else null.</param>
public readonly record struct KeypadCheck(KeypadEntryState State, PhoneNumber? Number);
