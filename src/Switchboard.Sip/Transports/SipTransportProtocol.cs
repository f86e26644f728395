namespace Switchboard.Sip.Transports;

/// <summary>The transports a SIP hop can use; TLS is reserved for a later transport behind the same seam.</summary>
public enum SipTransportProtocol
{
    /// <summary>Datagrams: unreliable, so transactions retransmit.</summary>
    Udp,

    /// <summary>A reliable byte stream framed by Content-Length.</summary>
    Tcp,

    /// <summary>TCP with TLS (not implemented yet).</summary>
    Tls,
}
