namespace Switchboard.Sip.Messages;

/// <summary>The protocol version this stack speaks.</summary>
public static class SipVersion
{
    /// <summary>RFC 3261.</summary>
    public const string V2 = "SIP/2.0";
}
