namespace Switchboard.Sip.Parsing;

/// <summary>The three outcomes of feeding bytes to the parser.</summary>
public enum SipParseStatus
{
    /// <summary>A whole, well-formed message was read.</summary>
    Complete,

    /// <summary>More bytes are needed (stream transports only).</summary>
    Incomplete,

    /// <summary>The bytes are not an acceptable message; <see cref="SipParseResult.Rejection"/> says why.</summary>
    Rejected,
}
