using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transports;

/// <summary>Who the transport layer hands messages to (the transaction layer).</summary>
public interface ISipMessageSink
{
    /// <summary>A well-formed request, its top Via already stamped with received/rport.</summary>
    void OnRequest(SipRequest request, SipSource source);

    /// <summary>A well-formed response.</summary>
    void OnResponse(SipResponse response, SipSource source);

    /// <summary>A message the parser rejected (framed or not).</summary>
    void OnRejected(ReceivedMessage message);
}
