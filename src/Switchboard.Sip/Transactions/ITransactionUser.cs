using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.Transactions;

/// <summary>The layer above transactions (the UA core): it gets new requests and what no transaction claims.</summary>
public interface ITransactionUser
{
    /// <summary>A new request opened a server transaction; answer it through the transaction.</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>An ACK that matches no transaction: the ACK for a 2xx (it has its own branch).</summary>
    void OnAck(SipRequest ack, SipSource source);

    /// <summary>A response no client transaction claims (a 2xx retransmitted after the transaction ended, or a stray).</summary>
    void OnStrayResponse(SipResponse response, SipSource source);

    /// <summary>A message the parser rejected.</summary>
    void OnRejected(ReceivedMessage message);
}
