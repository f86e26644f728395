namespace Switchboard.Sip.Messages;

/// <summary>Which of the headers the stack types a header field is, resolved once per field instead of by name on every lookup.</summary>
internal enum HeaderKind : byte
{
    /// <summary>Not yet resolved (a header built in code resolves on first use).</summary>
    Unresolved,

    /// <summary>A header the stack keeps but does not type.</summary>
    Other,

    Via,
    From,
    To,
    CallId,
    CSeq,
    MaxForwards,
    Expires,
    Contact,
    RecordRoute,
    Route,
    ContentType,
    ContentLength,
    Accept,
    Require,
    Supported,
}
