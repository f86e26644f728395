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
}
