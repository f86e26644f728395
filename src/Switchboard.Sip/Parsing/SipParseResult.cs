using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>The parser's answer: a message and how many bytes it used, a request for more bytes, or a rejection with its reason.</summary>
public readonly record struct SipParseResult
{
    /// <summary>The outcome.</summary>
    public SipParseStatus Status { get; private init; }

    /// <summary>The message when <see cref="Status"/> is Complete.</summary>
    public SipMessage? Message { get; private init; }

    /// <summary>Bytes used from the input: the whole message on Complete (and on a Malformed rejection, so a stream can go on), the leading CRLFs skipped on Incomplete.</summary>
    public int Consumed { get; private init; }

    /// <summary>Why the input was rejected.</summary>
    public SipRejection? Rejection { get; private init; }

    internal static SipParseResult Complete(SipMessage message, int consumed) => new() { Status = SipParseStatus.Complete, Message = message, Consumed = consumed };

    internal static SipParseResult Incomplete(int consumed) => new() { Status = SipParseStatus.Incomplete, Consumed = consumed };

    internal static SipParseResult Rejected(SipRejection rejection, int consumed = 0) => new() { Status = SipParseStatus.Rejected, Rejection = rejection, Consumed = consumed };
}
