namespace Switchboard.Sip.Parsing;

/// <summary>How bad a rejected message is, which decides what the receiver may do about it.</summary>
public enum SipRejectionKind
{
    /// <summary>The message cannot be delimited (no start line, broken Content-Length, too large): discard the datagram, close the stream.</summary>
    Unframeable,

    /// <summary>The message is delimited but breaks the grammar or a rule of RFC 3261: a request gets 400 (or 501), a response is dropped.</summary>
    Malformed,

    /// <summary>A request in a SIP version other than 2.0: answered with 505.</summary>
    VersionNotSupported,
}
