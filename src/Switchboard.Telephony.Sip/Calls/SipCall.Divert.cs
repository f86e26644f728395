using Switchboard.Calls;
using Switchboard.Sip.Messages;

namespace Switchboard.Telephony.Sip.Calls;

/// <summary>Diverting a call before answering it: a 302 whose Contact is the destination.</summary>
public sealed partial class SipCall
{
    /// <inheritdoc/>
    public Task<CallControlResult> DivertAsync(Destination destination, CancellationToken ct)
    {
        ThrowIfEnded(ct);
        CallControlResult result;
        if (!TryTarget(destination, out var target, out var problem))
        {
            result = new CallControlResult(CallControlOutcome.Failed, problem);
        }
        else
        {
            lock (_lock)
            {
                result = _answering is not null || _finalSent || _earlyMedia
                    ? new CallControlResult(CallControlOutcome.InvalidState, "a call can only be diverted before it is answered")
                    : Diverted();
            }
        }

        Journal.Add(CallEventKind.Control, $"divert to {destination}: {result.Outcome}" + (result.Reason is null ? "" : $" ({result.Reason})"));
        if (result.Succeeded)
        {
            _invite.Redirect([target!]);
            End(HangUpSide.App, $"diverted to {target} (302)");
        }

        return Task.FromResult(result);

        CallControlResult Diverted()
        {
            _finalSent = true;
            return new CallControlResult(CallControlOutcome.Succeeded, AnsweredBy: destination);
        }
    }

    // A destination as the Contact of a 302: a SIP or TEL URI as given, else a number or extension at the host that sent the call.
    private bool TryTarget(Destination destination, out AddressUri? target, out string problem)
    {
        problem = "";
        if (destination.Target.Contains(':', StringComparison.Ordinal))
        {
            if (AddressUri.TryParse(destination.Target, out target, out var error))
            {
                return true;
            }

            problem = $"'{destination.Target}' is not a SIP address: {error}";
            return false;
        }

        var source = _invite.Source.Remote;
        target = new SipUri(false, destination.Target, new HostPort(source.Address.ToString(), source.Port));
        return true;
    }
}
