namespace Switchboard.Sip.Messages;

/// <summary>A SIP response: the status line (version, code, reason) plus headers and body.</summary>
public sealed class SipResponse : SipMessage
{
    /// <summary>Creates a response with no headers.</summary>
    public SipResponse(int statusCode, string reason)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>Creates a response around headers already read.</summary>
    internal SipResponse(int statusCode, string reason, HeaderList headers)
        : base(headers)
    {
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The status code, 100 to 699.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase (may be empty).</summary>
    public string Reason { get; }

    /// <summary>True for 1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <inheritdoc/>
    public override string ToString() => $"{Version} {StatusCode} {Reason}";

    /// <summary>
    /// A response to <paramref name="request"/> built as RFC 3261 §8.2.6 says: Via, From, Call-ID and CSeq copied,
    /// To copied with <paramref name="toTag"/> added when it has none (except for 100).
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string? reason = null, string? toTag = null) =>
        For(request.Headers, statusCode, reason, toTag);

    /// <summary>The same, from the headers of a request that could not be fully parsed (to answer it with 400 or 505).</summary>
    public static SipResponse For(HeaderList requestHeaders, int statusCode, string? reason = null, string? toTag = null)
    {
        var response = new SipResponse(statusCode, reason ?? ReasonPhrases.For(statusCode));
        foreach (var header in requestHeaders)
        {
            if (header.Kind is HeaderKind.Via or HeaderKind.From or HeaderKind.CallId or HeaderKind.CSeq)
            {
                response.Headers.Add(header);
            }
            else if (header.Kind == HeaderKind.To)
            {
                var tagged = statusCode > 100 && toTag is not null && NameAddr.TryParse(header.Value, out var to, out _) && to!.Tag is null
                    ? new SipHeader(HeaderNames.To, to.WithTag(toTag!).ToString())
                    : header;
                response.Headers.Add(tagged);
            }
        }

        return response;
    }
}
