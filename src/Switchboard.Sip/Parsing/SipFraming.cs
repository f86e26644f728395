namespace Switchboard.Sip.Parsing;

/// <summary>How a transport delimits messages, which changes the Content-Length rules (RFC 3261 §18.3).</summary>
public enum SipFraming
{
    /// <summary>One message per datagram (UDP): the body may be given by the datagram's end; bytes after Content-Length are ignored.</summary>
    Datagram,

    /// <summary>A byte stream (TCP, TLS): Content-Length delimits each message; a message may arrive in pieces or several at once.</summary>
    Stream,
}
