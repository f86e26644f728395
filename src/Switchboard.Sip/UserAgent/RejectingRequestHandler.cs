using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>A handler for a user agent with nothing behind it yet: INVITE gets a fixed refusal (404 or 480), BYE gets 481.</summary>
public sealed class RejectingRequestHandler(int inviteStatus, string? reason = null) : ISipRequestHandler
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite, SipMethods.Bye];

    /// <inheritdoc/>
    public Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        if (request.Request.Method == SipMethods.Invite)
        {
            request.Respond(inviteStatus, reason);
        }
        else
        {
            request.Respond(481);
        }

        return Task.CompletedTask;
    }
}
