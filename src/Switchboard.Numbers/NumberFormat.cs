namespace Switchboard.Numbers;

/// <summary>The ways <see cref="NumberPlan.Format"/> writes a number.</summary>
public enum NumberFormat
{
    /// <summary><c>+31612345678</c>: for storage, SIP and messaging providers.</summary>
    E164,

    /// <summary><c>+31 6 12345678</c>: for people anywhere.</summary>
    International,

    /// <summary><c>06 12345678</c>: for people in the number's own country.</summary>
    National,
}
