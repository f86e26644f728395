using Switchboard.Calls;

namespace Switchboard.Flows;

/// <summary>A telephone app: plain async code that runs one call from answer to hang-up.</summary>
public interface ICallFlow
{
    /// <summary>Runs the call. <paramref name="ct"/> fires when the caller hangs up or the server stops.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "'call' is the word every flow uses; VB callers are not a concern.")]
    Task RunAsync(ICall call, CancellationToken ct);
}
