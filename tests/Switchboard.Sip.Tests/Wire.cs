using System.Text;

namespace Switchboard.Sip.Tests;

/// <summary>Builds wire bytes from readable test text: each '\n' becomes CRLF.</summary>
internal static class Wire
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n").Replace("\n", "\r\n", StringComparison.Ordinal));

    public const string Options = """
        OPTIONS sip:alice@example.com SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKopt1
        Max-Forwards: 70
        From: <sip:bob@example.org>;tag=88
        To: <sip:alice@example.com>
        Call-ID: opt-1@192.0.2.1
        CSeq: 1 OPTIONS
        Content-Length: 0


        """;

    /// <summary>An INVITE with an SDP body; <paramref name="branch"/> and <paramref name="callId"/> keep tests apart.</summary>
    public static string Invite(string branch, string callId, string via = "SIP/2.0/UDP 192.0.2.1:5060") => $"""
        INVITE sip:alice@example.com SIP/2.0
        Via: {via};branch={branch}
        Max-Forwards: 70
        From: "Bob" <sip:bob@example.org>;tag=b1
        To: <sip:alice@example.com>
        Call-ID: {callId}
        CSeq: 1 INVITE
        Contact: <sip:bob@192.0.2.1>
        Content-Type: application/sdp
        Content-Length: 5

        v=0

        """.TrimEnd('\n', '\r') + "\n";

    /// <summary>The ACK for a non-2xx answer to <see cref="Invite"/> (same branch), with the To tag of the answer.</summary>
    public static string Ack(string branch, string callId, string toTag, string via = "SIP/2.0/UDP 192.0.2.1:5060") => $"""
        ACK sip:alice@example.com SIP/2.0
        Via: {via};branch={branch}
        Max-Forwards: 70
        From: "Bob" <sip:bob@example.org>;tag=b1
        To: <sip:alice@example.com>;tag={toTag}
        Call-ID: {callId}
        CSeq: 1 ACK
        Content-Length: 0


        """;

    /// <summary>A CANCEL for <see cref="Invite"/>.</summary>
    public static string Cancel(string branch, string callId) => $"""
        CANCEL sip:alice@example.com SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.1:5060;branch={branch}
        Max-Forwards: 70
        From: "Bob" <sip:bob@example.org>;tag=b1
        To: <sip:alice@example.com>
        Call-ID: {callId}
        CSeq: 1 CANCEL
        Content-Length: 0


        """;
}
