using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>The checks a UAS makes before processing a request (RFC 3261 §8.2.1–§8.2.3), in the RFC's order; each failure is a ready response.</summary>
internal static class RequestChecks
{
    /// <summary>The refusal for <paramref name="request"/>, or null when it may be processed.</summary>
    public static SipResponse? Refusal(SipRequest request, IReadOnlyCollection<string> allowed, SipUserAgentOptions options, string localTag)
    {
        if (!allowed.Contains(request.Method))
        {
            if (!SipMethods.IsKnown(request.Method))
            {
                return SipResponse.For(request, 501, toTag: localTag);
            }

            var notAllowed = SipResponse.For(request, 405, toTag: localTag);
            notAllowed.Headers.Add(HeaderNames.Allow, string.Join(", ", allowed));
            return notAllowed;
        }

        if (request.RequestUri is not (SipUri or TelUri))
        {
            return SipResponse.For(request, 416, toTag: localTag);
        }

        if (request.Method != SipMethods.Cancel)
        {
            var unsupported = request.Known.Require.Where(tag => !options.Extensions.Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unsupported.Count > 0)
            {
                var badExtension = SipResponse.For(request, 420, toTag: localTag);
                badExtension.Headers.Add(HeaderNames.Unsupported, string.Join(", ", unsupported));
                return badExtension;
            }
        }

        if (!request.Body.IsEmpty || request.Known.ContentType is not null)
        {
            var encoding = request.Headers.Get(HeaderNames.ContentEncoding);
            var type = request.Known.ContentType;
            var understood = type is null || options.AcceptedBodies.Any(accepted => accepted.Covers(type));
            if (!understood || (encoding is { Length: > 0 } && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase)))
            {
                var unsupportedType = SipResponse.For(request, 415, toTag: localTag);
                unsupportedType.Headers.Add(HeaderNames.Accept, AcceptValue(options));
                unsupportedType.Headers.Add("Accept-Encoding", "identity");
                return unsupportedType;
            }
        }

        if (request.Method == SipMethods.Invite && request.Known.Accept is { } accept
            && !options.AcceptedBodies.Any(ours => accept.Any(range => range.Covers(ours))))
        {
            var notAcceptable = SipResponse.For(request, 406, toTag: localTag);
            notAcceptable.Headers.Add(HeaderNames.Accept, AcceptValue(options));
            return notAcceptable;
        }

        return null;
    }

    /// <summary>The Accept value advertising the body types the user agent understands.</summary>
    public static string AcceptValue(SipUserAgentOptions options) => string.Join(", ", options.AcceptedBodies);
}
