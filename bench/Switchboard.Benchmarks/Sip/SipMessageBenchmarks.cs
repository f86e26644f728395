using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Benchmarks.Sip;

/// <summary>
/// Parse and write of a typical INVITE from a PBX (target: under 2 µs each). Parsing checks every known header and
/// types each on first read, so a third case reads what a user agent server reads of an INVITE, to show that cost too.
/// </summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private readonly byte[] _invite = Encoding.ASCII.GetBytes(
        "INVITE sip:+31201234567@switchboard.example.com:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---a3b2c1d0e9f8;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1001@192.0.2.10:5060>\r\n" +
        "To: <sip:+31201234567@switchboard.example.com>\r\n" +
        "From: \"Reception\" <sip:1001@pbx.example.com>;tag=8f3c2a1b\r\n" +
        "Call-ID: 5f1e9c3a7b2d4e6f8a0b1c2d3e4f5a6b@192.0.2.10\r\n" +
        "CSeq: 2 INVITE\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, OPTIONS, INFO, UPDATE\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: 3CXPhoneSystem 18.0.9.20\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 229\r\n\r\n" +
        "v=0\r\no=3cxPS 123456 789012 IN IP4 192.0.2.10\r\ns=3cxPS Audio call\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 40000 RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n");

    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private SipMessage _parsed = null!;

    [GlobalSetup]
    public void Setup() => _parsed = SipMessageParser.Parse(_invite, SipFraming.Datagram).Message ?? throw new InvalidOperationException("The benchmark INVITE does not parse.");

    [Benchmark]
    public SipParseStatus ParseInvite() => SipMessageParser.Parse(_invite, SipFraming.Datagram).Status;

    [Benchmark]
    public int ParseInviteAndReadHeaders()
    {
        var invite = (SipRequest)SipMessageParser.Parse(_invite, SipFraming.Datagram).Message!;
        var known = invite.Known;
        return invite.TopVia!.Branch!.Length + invite.From!.Tag!.Length + (invite.To!.Tag?.Length ?? 0) + invite.CallId!.Length
            + (int)invite.CSeq!.Number + known.Contacts.Count + known.RecordRoutes.Count + known.Require.Count + known.Supported.Count
            + (known.ContentType is null ? 0 : 1) + (known.Accept?.Count ?? 0) + (known.MaxForwards ?? 0);
    }

    [Benchmark]
    public int WriteInvite()
    {
        _output.ResetWrittenCount();
        SipMessageWriter.Write(_parsed, _output);
        return _output.WrittenCount;
    }
}
