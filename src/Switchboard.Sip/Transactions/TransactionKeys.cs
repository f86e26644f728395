using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Transactions;

/// <summary>How requests and responses are matched to transactions (RFC 3261 §17.1.3, §17.2.3, with the RFC 2543 fallback).</summary>
internal static class TransactionKeys
{
    /// <summary>The server transaction a request belongs to; an ACK maps to its INVITE. <paramref name="method"/> overrides the request's (CANCEL looks for its INVITE).</summary>
    public static string Server(SipRequest request, string? method = null)
    {
        var via = request.TopVia!;
        method ??= request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method;
        return via.HasRfc3261Branch
            ? $"{via.Branch}|{via.SentBy}|{method}"
            : $"2543|{request.CallId}|{request.CSeq!.Number}|{request.From!.Tag}|{via.SentBy}|{via.Branch}|{method}";
    }

    /// <summary>The client transaction a response belongs to: branch and CSeq method.</summary>
    public static string Client(string branch, string method) => $"{branch}|{method}";
}
