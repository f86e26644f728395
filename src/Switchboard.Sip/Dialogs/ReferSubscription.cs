namespace Switchboard.Sip.Dialogs;

/// <summary>
/// The implicit subscription of one REFER this side sent (RFC 3515 §2.4.4): the NOTIFYs that report the transfer's progress,
/// and the terminated one that ends it with a final status.
/// </summary>
internal sealed class ReferSubscription(IProgress<SipFragStatus>? progress)
{
    private readonly TaskCompletionSource<SipFragStatus?> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SipFragStatus? _last;

    /// <summary>Completes when a NOTIFY terminated the subscription: with the final status reported, or null when none was.</summary>
    public Task<SipFragStatus?> Terminated => _final.Task;

    /// <summary>A NOTIFY arrived with <paramref name="status"/> (null when its body had none) and <paramref name="terminated"/> from its Subscription-State.</summary>
    public void OnNotify(SipFragStatus? status, bool terminated)
    {
        if (_final.Task.IsCompleted)
        {
            return;
        }

        if (status is not null)
        {
            _last = status;
            progress?.Report(status);
        }

        if (terminated)
        {
            _final.TrySetResult(_last is { IsFinal: true } ? _last : null);
        }
    }

    /// <summary>Reads an Event header value: the package (<c>refer</c>) and its <c>id</c> parameter (the REFER's CSeq number), if any.</summary>
    public static bool TryReadEvent(string value, out string package, out uint? id)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        package = parts[0];
        id = null;
        foreach (var parameter in parts.AsSpan(1))
        {
            var equals = parameter.IndexOf('=');
            if (equals > 0 && parameter.AsSpan(0, equals).Trim().Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                if (!uint.TryParse(parameter.AsSpan(equals + 1).Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                id = number;
            }
        }

        return package.Length > 0;
    }

    /// <summary>True when a Subscription-State value (<c>active;expires=60</c>, <c>terminated;reason=noresource</c>) says the subscription ended.</summary>
    public static bool IsTerminated(string? subscriptionState) =>
        subscriptionState is not null && subscriptionState.Split(';', 2)[0].Trim().Equals("terminated", StringComparison.OrdinalIgnoreCase);
}
