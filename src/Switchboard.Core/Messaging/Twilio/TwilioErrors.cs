using System.Net;

namespace Switchboard.Messaging.Twilio;

/// <summary>Sorts Twilio's answers into retry-later and give-up, by HTTP status and Twilio error code.</summary>
public static class TwilioErrors
{
    /// <summary>Codes that can never succeed on retry, whatever the HTTP status says.</summary>
    private static readonly HashSet<int> Permanent =
    [
        20003, // authentication failed
        21211, // invalid 'To' number
        21408, // permission to send to this region not enabled
        21606, // the 'From' number cannot send to this destination / is not SMS-capable
        21610, // the recipient replied STOP (unsubscribed)
        21612, // cannot route from this 'From' to this 'To'
        21614, // 'To' is not a mobile number (not SMS-capable)
        21635, // 'To' is a landline
    ];

    /// <summary>Twilio's own "too many requests" code.</summary>
    public const int TooManyRequests = 20429;

    /// <summary>Whether a failed request with this status and code may succeed later.</summary>
    public static SendOutcomeKind Classify(HttpStatusCode status, int? code)
    {
        if (code is { } c && Permanent.Contains(c))
        {
            return SendOutcomeKind.Permanent;
        }

        if (code == TooManyRequests || status == HttpStatusCode.TooManyRequests || (int)status >= 500 || status == HttpStatusCode.RequestTimeout)
        {
            return SendOutcomeKind.Transient;
        }

        // Any other 4xx is about the request itself: sending it again will not change the answer.
        return SendOutcomeKind.Permanent;
    }
}
