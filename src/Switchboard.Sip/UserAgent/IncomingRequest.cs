using System.Security.Cryptography;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transports;

namespace Switchboard.Sip.UserAgent;

/// <summary>A request handed to a <see cref="ISipRequestHandler"/>: read it, then answer it once (provisional responses first if needed).</summary>
public sealed class IncomingRequest
{
    private readonly ServerTransaction _transaction;
    private readonly SipUserAgent _agent;
    private readonly TaskCompletionSource<SipRequest?> _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal IncomingRequest(ServerTransaction transaction, SipUserAgent agent)
    {
        _transaction = transaction;
        _agent = agent;
        LocalTag = transaction.Request.To?.Tag ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    }

    /// <summary>The server transaction it arrived in.</summary>
    internal ServerTransaction Transaction => _transaction;

    /// <summary>The request.</summary>
    public SipRequest Request => _transaction.Request;

    /// <summary>Where it came from.</summary>
    public SipSource Source => _transaction.Source;

    /// <summary>The To tag this side uses in its responses (the dialog's local tag).</summary>
    public string LocalTag { get; }

    /// <summary>Fires when the caller cancels (CANCEL, answered with 487 by the core) or the transaction ends.</summary>
    public CancellationToken Cancelled => _transaction.Abandoned;

    /// <summary>The user who signed the request with Digest (a source outside the allow-list), or null when none had to.</summary>
    public string? AuthenticatedUser { get; internal set; }

    /// <summary>True once CANCEL arrived for this INVITE.</summary>
    public bool IsCancelled => _transaction is ServerInviteTransaction { IsCancelled: true };

    /// <summary>For an INVITE answered 2xx: completes with the ACK, or null if none came within 64·T1.</summary>
    public Task<SipRequest?> Acknowledged => _acknowledged.Task;

    /// <summary>A response with Via, From, To (with <see cref="LocalTag"/>), Call-ID and CSeq filled in.</summary>
    public SipResponse CreateResponse(int statusCode, string? reason = null) => SipResponse.For(Request, statusCode, reason, LocalTag);

    /// <summary>The dialog the request belongs to (in-dialog requests) or created (an INVITE once answered 2xx).</summary>
    public Dialog? Dialog { get; internal set; }

    /// <summary>Sends a response; a 2xx to INVITE is repeated by the core until its ACK arrives, and to a new INVITE it creates the dialog.</summary>
    public void Respond(SipResponse response) => _agent.Respond(this, _transaction, response, _acknowledged, null);

    /// <summary>Answers a new INVITE with the 2xx <paramref name="success"/> and returns the dialog it creates, whose in-dialog requests go to <paramref name="inDialog"/>.</summary>
    public Dialog Answer(SipResponse success, IDialogRequestHandler? inDialog)
    {
        if (Request.Method != SipMethods.Invite || Request.To?.Tag is not null || !success.IsSuccess)
        {
            throw new InvalidOperationException("Only a new INVITE is answered with a dialog-creating 2xx.");
        }

        _agent.Respond(this, _transaction, success, _acknowledged, inDialog);
        return Dialog ?? throw new InvalidOperationException("The INVITE had already been answered.");
    }

    /// <summary>Sends a response with just a status code.</summary>
    public void Respond(int statusCode, string? reason = null) => Respond(CreateResponse(statusCode, reason));

    /// <summary>Redirects the request (e.g. 302 Moved Temporarily, a divert before answering) to <paramref name="targets"/>, one Contact each, in order of preference.</summary>
    public void Redirect(IEnumerable<AddressUri> targets, int statusCode = 302)
    {
        if (statusCode is < 300 or >= 400)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A redirect is a 3xx status.");
        }

        var response = CreateResponse(statusCode);
        foreach (var target in targets)
        {
            response.Headers.Add(HeaderNames.Contact, $"<{target}>");
        }

        Respond(response);
    }

    /// <summary>True once a final response was sent.</summary>
    public bool HasFinalResponse => _transaction.HasFinalResponse;
}
