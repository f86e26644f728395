namespace Switchboard.Sip.Messages;

/// <summary>A SIP request: the request line (method, Request-URI, version) plus headers and body.</summary>
public sealed class SipRequest : SipMessage
{
    /// <summary>Creates a request with no headers.</summary>
    public SipRequest(string method, AddressUri requestUri)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>Creates a request around headers already read.</summary>
    internal SipRequest(string method, AddressUri requestUri, HeaderList headers)
        : base(headers)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>The method, case-sensitive.</summary>
    public string Method { get; }

    /// <summary>The Request-URI.</summary>
    public AddressUri RequestUri { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {RequestUri} {Version}";
}
