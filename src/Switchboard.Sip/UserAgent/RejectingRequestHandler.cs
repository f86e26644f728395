using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>A handler for a user agent with nothing behind it yet: INVITE gets a fixed refusal (404 or 480).</summary>
public sealed class RejectingRequestHandler(int inviteStatus, string? reason = null) : ISipRequestHandler
{
    /// <inheritdoc/>
    public IReadOnlyCollection<string> Methods { get; } = [SipMethods.Invite];

    /// <inheritdoc/>
    public Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        request.Respond(inviteStatus, reason);
        return Task.CompletedTask;
    }
}
