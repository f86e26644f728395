using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transports;

namespace Switchboard.Benchmarks.Sip;

/// <summary>
/// The receive path of a request whose Via gets received/rport: parse, stamp, then read the known headers as the transaction
/// layer does. <see cref="StampInPlace"/> is the stack's way (the parsed top Via changed, the typed view kept);
/// <see cref="StampByReplacing"/> replaces the Via header from outside, which makes the known headers parse a second time.
/// </summary>
[MemoryDiagnoser]
public class ViaStampBenchmarks : IDisposable
{
    private readonly byte[] _bye = Encoding.ASCII.GetBytes(
        "BYE sip:switchboard@192.0.2.1:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 10.0.0.7:5060;branch=z9hG4bK-524287-1---77aa;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: <sip:+31201234567@switchboard.example.com>;tag=ab12cd34\r\n" +
        "From: \"Reception\" <sip:1001@pbx.example.com>;tag=8f3c2a1b\r\n" +
        "Call-ID: 5f1e9c3a7b2d4e6f8a0b1c2d3e4f5a6b@192.0.2.10\r\n" +
        "CSeq: 3 BYE\r\n" +
        "User-Agent: 3CXPhoneSystem 18.0.9.20\r\n" +
        "Content-Length: 0\r\n\r\n");

    private readonly UdpTransport _udp = new(new IPEndPoint(IPAddress.Loopback, 0), SipParserLimits.Default, NullLogger.Instance);
    private readonly SipSource _source;

    public ViaStampBenchmarks() => _source = new SipSource(_udp, IPEndPoint.Parse("198.51.100.7:41000"));

    [Benchmark(Baseline = true)]
    public int StampInPlace()
    {
        var request = (SipRequest)SipMessageParser.Parse(_bye, SipFraming.Datagram).Message!;
        SipTransportLayer.StampVia(request, _source);
        return request.Known.Vias.Count + (request.CSeq?.Number > 0 ? 1 : 0);
    }

    [Benchmark]
    public int StampByReplacing()
    {
        var request = (SipRequest)SipMessageParser.Parse(_bye, SipFraming.Datagram).Message!;
        var top = request.Known.Vias[0];
        top.Parameters.Set("received", _source.Remote.Address.ToString());
        top.Parameters.Set("rport", "41000");
        request.Headers.Replace(0, new SipHeader(HeaderNames.Via, top.ToString()));
        return request.Known.Vias.Count + (request.CSeq?.Number > 0 ? 1 : 0);
    }

    public void Dispose()
    {
        _udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}
