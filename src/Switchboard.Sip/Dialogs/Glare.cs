using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Dialogs;

/// <summary>
/// Crossing re-INVITEs in one dialog (RFC 3261 §14.1): the waits before a re-INVITE answered 491 is tried again, which differ by
/// side so the two do not cross again, and the Retry-After for a re-INVITE that arrives while the peer's previous one is unanswered.
/// </summary>
public static class Glare
{
    /// <summary>How many times a re-INVITE answered 491 is sent again.</summary>
    public const int MaxRetries = 3;

    /// <summary>The wait before trying again: 2.1 to 4 s for the side that owns the Call-ID, 0 to 2 s for the other, in 10 ms steps.</summary>
    public static TimeSpan RetryDelay(bool ownsCallId, Random random) =>
        TimeSpan.FromMilliseconds(ownsCallId ? 2100 + (10 * random.Next(0, 191)) : 10 * random.Next(0, 201));

    /// <summary>A Retry-After between 0 and 10 seconds (§14.2).</summary>
    public static int RetryAfterSeconds(Random random) => random.Next(0, 11);

    /// <summary>The re-INVITE <paramref name="refused"/> again with the dialog's next CSeq: same body and other headers; dialog headers made anew, a fresh Via added when sent.</summary>
    public static SipRequest Again(Dialog dialog, SipRequest refused)
    {
        var again = dialog.CreateRequest(refused.Method);
        again.Body = refused.Body;
        foreach (var header in refused.Headers)
        {
            if (!header.Is(HeaderNames.Via) && !header.Is(HeaderNames.CSeq) && !header.Is(HeaderNames.Route) && !header.Is(HeaderNames.From)
                && !header.Is(HeaderNames.To) && !header.Is(HeaderNames.CallId))
            {
                again.Headers.Add(header);
            }
        }

        return again;
    }
}
