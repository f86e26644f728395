using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Parsing;

/// <summary>Why a message was rejected, and what was read of it so a request can still be answered (RFC 3261 §8.2.6 copies Via, From, To, Call-ID, CSeq).</summary>
/// <param name="Kind">How bad it is.</param>
/// <param name="Reason">A sentence naming the defect; safe to log and to send as a Warning or reason phrase.</param>
public sealed record SipRejection(SipRejectionKind Kind, string Reason)
{
    /// <summary>True when the start line looked like a request (not a status line).</summary>
    public bool IsRequest { get; init; }

    /// <summary>The request method when the request line began with a valid token, else null.</summary>
    public string? Method { get; init; }

    /// <summary>The header fields read, for building the answer; null when the message could not be delimited.</summary>
    public HeaderList? Headers { get; init; }
}
