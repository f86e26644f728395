using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Telephony.Sip.Inbound;

namespace Switchboard.Http;

/// <summary><c>GET /calls</c>: the SIP calls in progress and the RTP ports they hold, to watch a server and to check that ended calls let go.</summary>
internal static class LiveCallsEndpoint
{
    /// <summary>The path of the live view.</summary>
    public const string Path = "/calls";

    public static IEndpointRouteBuilder MapLiveCalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (InboundCalls calls) =>
        {
            var active = calls.Active;
            return Results.Json(new
            {
                activeCalls = active.Count,
                calls = active.Select(c => new { id = c.Id, sipCallId = c.SipCallId, app = c.App, caller = c.Caller, called = c.Called, started = c.Started }),
                rtpPortsInUse = calls.RtpPortsInUse,
                accepting = calls.Accepting,
            });
        });
        return endpoints;
    }
}
