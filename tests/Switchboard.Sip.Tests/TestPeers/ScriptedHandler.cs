using Switchboard.Sip.Messages;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.TestPeers;

/// <summary>A request handler whose behaviour each test writes as a lambda; it records every request it was given.</summary>
internal sealed class ScriptedHandler(Func<IncomingRequest, Task> script, params string[] methods) : ISipRequestHandler
{
    public List<IncomingRequest> Received { get; } = [];

    public IReadOnlyCollection<string> Methods { get; } = methods.Length > 0 ? methods : [SipMethods.Invite, SipMethods.Bye];

    public Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.Add(request);
        }

        return script(request);
    }
}
