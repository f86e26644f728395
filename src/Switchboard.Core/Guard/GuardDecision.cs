using Switchboard.Numbers;

namespace Switchboard.Guard;

/// <summary>The fraud guard's answer: allowed (with the number to send to, in E.164) or refused with a reason and a sentence.</summary>
public sealed record GuardDecision
{
    /// <summary>True when the message may be enqueued.</summary>
    public bool Allowed => Reason is null;

    /// <summary>Why not, when refused.</summary>
    public GuardReason? Reason { get; private init; }

    /// <summary>A sentence for logs and the CLI naming the rule and its setting; null when allowed.</summary>
    public string? Message { get; private init; }

    /// <summary>The destination as the numbering plan reads it (null when it is not a number at all).</summary>
    public PhoneNumber? Number { get; private init; }

    /// <summary>An allowed message to <paramref name="number"/>.</summary>
    public static GuardDecision Allow(PhoneNumber? number) => new() { Number = number };

    /// <summary>A refusal.</summary>
    public static GuardDecision Refuse(GuardReason reason, string message, PhoneNumber? number) =>
        new() { Reason = reason, Message = message, Number = number };
}
