namespace Switchboard.Testing.Twilio;

/// <summary>One scripted answer of <see cref="TwilioApiServer"/>: an HTTP status and a body, sent after an optional delay.</summary>
public sealed record TwilioApiReply(int Status, string? Body, TimeSpan Delay = default, string? RetryAfter = null)
{
    /// <summary>Twilio's error JSON (code, message, more_info, status) with <paramref name="status"/>.</summary>
    public static TwilioApiReply Error(int status, int code, string message) => new(status,
        $$"""{"code": {{code}}, "message": "{{message}}", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{status}}}""");

    /// <summary>A bare HTTP failure without Twilio's JSON (a proxy or load balancer answering).</summary>
    public static TwilioApiReply Plain(int status, string text) => new(status, text);
}
