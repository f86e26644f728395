namespace Switchboard.Sip.Messages;

/// <summary>A SIP request: the request line (method, Request-URI, version) plus headers and body.</summary>
public sealed class SipRequest(string method, AddressUri requestUri) : SipMessage
{
    /// <summary>The method, case-sensitive.</summary>
    public string Method { get; } = method;

    /// <summary>The Request-URI.</summary>
    public AddressUri RequestUri { get; set; } = requestUri;

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {RequestUri} {Version}";
}
