using System.Net;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Transports;

/// <summary>What a transport read from the network: the parse result, and where it came from so the answer can go back.</summary>
/// <param name="Result">The parser's verdict on the bytes.</param>
/// <param name="Transport">The transport it arrived on.</param>
/// <param name="Remote">The source address and port.</param>
public sealed record ReceivedMessage(SipParseResult Result, ISipTransport Transport, IPEndPoint Remote);
