namespace Switchboard.Sip.Messages;

/// <summary>The SIP methods this stack knows by name (RFC 3261 and the extensions a user agent meets).</summary>
public static class SipMethods
{
    /// <summary>Starts a session.</summary>
    public const string Invite = "INVITE";

    /// <summary>Confirms a final answer to an INVITE.</summary>
    public const string Ack = "ACK";

    /// <summary>Ends a session.</summary>
    public const string Bye = "BYE";

    /// <summary>Cancels a pending request.</summary>
    public const string Cancel = "CANCEL";

    /// <summary>Asks for capabilities; also a keep-alive.</summary>
    public const string Options = "OPTIONS";

    /// <summary>Binds an address of record to a contact.</summary>
    public const string Register = "REGISTER";

    /// <summary>Mid-session information (DTMF relay).</summary>
    public const string Info = "INFO";

    /// <summary>Asks the peer to send a request elsewhere (transfer).</summary>
    public const string Refer = "REFER";

    /// <summary>Reports an event (REFER progress).</summary>
    public const string Notify = "NOTIFY";

    /// <summary>Subscribes to an event.</summary>
    public const string Subscribe = "SUBSCRIBE";

    /// <summary>Reliable provisional response acknowledgement.</summary>
    public const string Prack = "PRACK";

    /// <summary>Session update before answer.</summary>
    public const string Update = "UPDATE";

    /// <summary>Instant message.</summary>
    public const string Message = "MESSAGE";

    /// <summary>Publishes event state.</summary>
    public const string Publish = "PUBLISH";

    private static readonly HashSet<string> Known =
        [Invite, Ack, Bye, Cancel, Options, Register, Info, Refer, Notify, Subscribe, Prack, Update, Message, Publish];

    /// <summary>True for a method defined by a SIP RFC; anything else is answered 501 by a user agent.</summary>
    public static bool IsKnown(string method) => Known.Contains(method);
}
