namespace Switchboard.Sip.Messages;

/// <summary>What requests and responses share: the SIP version, ordered headers, a typed view of the known ones, and the body bytes.</summary>
public abstract class SipMessage
{
    private KnownHeaders? _known;
    private int _knownVersion = -1;

    /// <summary>The protocol version from the start line, <c>SIP/2.0</c>.</summary>
    public string Version { get; init; } = SipVersion.V2;

    /// <summary>Every header in order; unknown ones are kept as received.</summary>
    public HeaderList Headers { get; } = new();

    /// <summary>The body (any content, multipart and binary included), passed through unchanged.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The typed view of the known headers, parsed again after the headers change.</summary>
    public KnownHeaders Known
    {
        get
        {
            if (_known is null || _knownVersion != Headers.Version)
            {
                _known = KnownHeaders.Parse(Headers);
                _knownVersion = Headers.Version;
            }

            return _known;
        }
    }

    /// <summary>
    /// Replaces the header at <paramref name="index"/> with one the caller has already applied to the parsed value in <see cref="Known"/>
    /// (as the transport does when it stamps received/rport on the top Via), so the typed view is kept rather than parsed again.
    /// </summary>
    internal void ReplaceParsedHeader(int index, SipHeader header)
    {
        var current = _known is not null && _knownVersion == Headers.Version;
        Headers.Replace(index, header);
        if (current)
        {
            _knownVersion = Headers.Version;
        }
    }

    /// <summary>The top Via, or null.</summary>
    public Via? TopVia => Known.Vias.Count > 0 ? Known.Vias[0] : null;

    /// <summary>The From address.</summary>
    public NameAddr? From => Known.From;

    /// <summary>The To address.</summary>
    public NameAddr? To => Known.To;

    /// <summary>The Call-ID.</summary>
    public string? CallId => Known.CallId;

    /// <summary>The CSeq.</summary>
    public CSeq? CSeq => Known.CSeq;
}
