using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Dialogs;

/// <summary>The UA core's live dialogs by Call-ID and tags; a dialog leaves it on every path that ends it.</summary>
public sealed class DialogTable
{
    private readonly ConcurrentDictionary<string, Dialog> _dialogs = new();

    /// <summary>How many dialogs are live.</summary>
    public int Count => _dialogs.Count;

    /// <summary>The live dialogs.</summary>
    public IEnumerable<Dialog> All => _dialogs.Values;

    /// <summary>Adds <paramref name="dialog"/>, or returns the live one with the same identifiers.</summary>
    public Dialog Add(Dialog dialog) => _dialogs.GetOrAdd(dialog.Key, dialog);

    /// <summary>The dialog a request from the peer belongs to: its To tag is ours, its From tag the peer's.</summary>
    public bool TryFindFor(SipRequest request, [NotNullWhen(true)] out Dialog? dialog)
    {
        dialog = null;
        return request.CallId is { } callId && request.To?.Tag is { } local && request.From?.Tag is { } remote
            && _dialogs.TryGetValue(Dialog.KeyOf(callId, local, remote), out dialog);
    }

    /// <summary>The dialog a response to this side's request belongs to: its From tag is ours, its To tag the peer's.</summary>
    public bool TryFindFor(SipResponse response, [NotNullWhen(true)] out Dialog? dialog)
    {
        dialog = null;
        return response.CallId is { } callId && response.From?.Tag is { } local && response.To?.Tag is { } remote
            && _dialogs.TryGetValue(Dialog.KeyOf(callId, local, remote), out dialog);
    }

    /// <summary>Removes <paramref name="dialog"/> and completes its <see cref="Dialog.Ended"/>; false when it had already ended.</summary>
    public bool End(Dialog dialog, DialogEndReason reason)
    {
        _dialogs.TryRemove(new KeyValuePair<string, Dialog>(dialog.Key, dialog));
        return dialog.End(reason);
    }
}
