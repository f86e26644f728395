namespace Switchboard.Sip.Messages;

/// <summary>What requests and responses share: the SIP version, ordered headers, a typed view of the known ones, and the body bytes.</summary>
public abstract class SipMessage
{
    private KnownHeaders? _known;
    private int _knownVersion = -1;

    /// <summary>Creates a message with no headers.</summary>
    protected SipMessage()
        : this(new HeaderList())
    {
    }

    /// <summary>Creates a message around headers already read.</summary>
    private protected SipMessage(HeaderList headers) => Headers = headers;

    /// <summary>The protocol version from the start line, <c>SIP/2.0</c>.</summary>
    public string Version { get; init; } = SipVersion.V2;

    /// <summary>Every header in order; unknown ones are kept as received.</summary>
    public HeaderList Headers { get; }

    /// <summary>The body (any content, multipart and binary included), passed through unchanged.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The typed view of the known headers, made again after the headers change; each header is typed when first read.</summary>
    public KnownHeaders Known
    {
        get
        {
            var known = _known;
            if (known is null || _knownVersion != Headers.Version)
            {
                known = KnownHeaders.Parse(Headers);
                _known = known;
                _knownVersion = Headers.Version;
            }

            return known;
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

    /// <summary>
    /// Replaces the top Via hop with <paramref name="top"/> (for instance <see cref="TopVia"/> after setting <c>received</c>
    /// and <c>rport</c>, RFC 3581) by rewriting the first Via line, and keeps the typed view of every other header, so
    /// nothing is parsed twice. The line's other hops are written back as they were received.
    /// </summary>
    /// <exception cref="InvalidOperationException">The message has no Via, or its known headers are malformed.</exception>
    public void ReplaceTopVia(Via top)
    {
        var known = Known;
        var index = -1;
        for (var i = 0; i < Headers.Count && index < 0; i++)
        {
            index = Headers[i].Kind == HeaderKind.Via ? i : -1;
        }

        if (index < 0 || known.Error is not null)
        {
            throw new InvalidOperationException(index < 0 ? "the message has no Via header" : $"the message's headers are malformed: {known.Error}");
        }

        var line = Headers[index];
        var rest = FirstHopEnd(line.Value);
        Headers.Replace(index, new SipHeader(line.Name, rest < 0 ? top.ToString() : $"{top}, {line.Value.AsSpan(rest + 1).TrimStart()}"));
        known.Vias[0] = top;
        _knownVersion = Headers.Version;
    }

    /// <summary>Where the first hop of a Via line ends: its first comma outside a quoted string, or -1 when it holds one hop.</summary>
    private static int FirstHopEnd(string value)
    {
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    return i;
            }
        }

        return -1;
    }
}
