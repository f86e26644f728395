using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Messaging.Twilio;
using Switchboard.Outbox;

namespace Switchboard.Http;

/// <summary>
/// <c>POST /twilio/messages/status</c>: Twilio's message status callbacks. Only requests signed with the
/// account's auth token (<c>X-Twilio-Signature</c>) are believed; everything else gets 403.
/// </summary>
internal static partial class MessageStatusEndpoint
{
    public static IEndpointRouteBuilder MapMessageStatusCallbacks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TwilioOptions.StatusCallbackPath, HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IOptions<TwilioOptions> options, DeliveryReports reports, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Switchboard.Http.MessageStatus");
        var twilio = options.Value;
        if (!twilio.IsConfigured || !context.Request.HasFormContentType)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var url = SignedUrl(context.Request, twilio);
        if (!TwilioSignature.IsValid(twilio.AuthToken!, url, parameters, context.Request.Headers[TwilioSignature.Header]))
        {
            LogBadSignature(logger, url);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (sid.Length == 0 || status.Length == 0)
        {
            return Results.BadRequest("MessageSid and MessageStatus are required.");
        }

        if (!await reports.RecordAsync(sid, status, form["ErrorCode"].ToString(), context.RequestAborted))
        {
            LogUnknown(logger, sid, status);
        }

        return Results.NoContent();
    }

    // Twilio signs the URL it called: the configured public address when there is one (behind a proxy
    // the request's own host and scheme differ), else the address as this request names it.
    private static string SignedUrl(HttpRequest request, TwilioOptions twilio)
    {
        var pathAndQuery = request.PathBase + request.Path + request.QueryString;
        return twilio.PublicBaseUrl is { } publicBase
            ? publicBase.GetLeftPart(UriPartial.Authority) + publicBase.AbsolutePath.TrimEnd('/') + pathAndQuery
            : $"{request.Scheme}://{request.Host}{pathAndQuery}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message status callback refused: bad X-Twilio-Signature for {Url}")]
    private static partial void LogBadSignature(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message status callback for unknown message {Sid} ({Status})")]
    private static partial void LogUnknown(ILogger logger, string sid, string status);
}
