using Switchboard.Numbers;
using Switchboard.Sip.Messages;
using Switchboard.Telephony.Sip.Calls;

namespace Switchboard.Telephony.Sip.Routing;

/// <summary>
/// Picks the route of an incoming call: the first entry whose pattern equals the Request-URI user or the To user, as written
/// or read as a phone number (so <c>0201234567</c> matches <c>+31201234567</c> in the Netherlands); else the default route.
/// </summary>
public sealed class SipRouter
{
    private readonly (SipRoute Route, string? E164)[] _routes;
    private readonly NumberPlan _plan;
    private readonly string _region;
    private readonly SipRoute? _fallback;

    /// <summary>Routes in order of precedence; <paramref name="fallback"/> takes calls no route matches (null: they are refused).</summary>
    public SipRouter(IEnumerable<SipRoute> routes, SipRoute? fallback, NumberPlan plan, string region)
    {
        _plan = plan;
        _region = region;
        _routes = [.. routes.Select(r => (r, r.Match == SipRoute.Any ? null : E164(r.Match)))];
        _fallback = fallback;
    }

    /// <summary>The route of <paramref name="invite"/>, or null when none matches and there is no default.</summary>
    public SipRoute? Find(SipRequest invite)
    {
        var candidates = new[] { CallerHeaders.UserOf(invite.RequestUri), invite.To is { } to ? CallerHeaders.UserOf(to.Uri) : null }
            .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var numbers = candidates.Select(E164).OfType<string>().ToArray();
        foreach (var (route, e164) in _routes)
        {
            if (route.Match == SipRoute.Any
                || candidates.Contains(route.Match, StringComparer.OrdinalIgnoreCase)
                || (e164 is not null && numbers.Contains(e164, StringComparer.Ordinal)))
            {
                return route;
            }
        }

        return _fallback;
    }

    private string? E164(string text) =>
        _plan.Read(text, _region, maxExtensionDigits: 0).Number is { IsValid: true } number ? number.E164 : null;
}
