namespace Switchboard.Sip.UserAgent;

/// <summary>The pluggable part of the UA core: what to do with requests that pass the RFC 3261 §8.2 checks.</summary>
public interface ISipRequestHandler
{
    /// <summary>The methods this handler answers; OPTIONS, ACK and CANCEL are handled by the core itself.</summary>
    IReadOnlyCollection<string> Methods { get; }

    /// <summary>Answers the request (every path must end in a final response; an exception becomes a 500).</summary>
    Task HandleAsync(IncomingRequest request, CancellationToken cancellationToken);
}
