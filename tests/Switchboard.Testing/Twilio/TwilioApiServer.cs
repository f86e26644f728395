using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Testing.Twilio;

/// <summary>
/// A local stand-in for Twilio's Messages API on 127.0.0.1 and a free port. It insists on what Twilio
/// insists on (the account's path, HTTP Basic credentials, a form body) and answers each accepted
/// request from a script, or with a new message sid when the script is empty.
/// </summary>
public sealed class TwilioApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _accountSid;
    private readonly string _expectedAuthorization;
    private readonly ConcurrentQueue<TwilioApiReply> _script = new();
    private int _sids;

    private TwilioApiServer(WebApplication app, string accountSid, string authToken)
    {
        _app = app;
        _accountSid = accountSid;
        _expectedAuthorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accountSid}:{authToken}"));
    }

    /// <summary>The base address to configure as <c>Twilio:ApiBaseUrl</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request that reached the Messages endpoint and passed the checks, in arrival order.</summary>
    public ConcurrentQueue<TwilioApiRequest> Requests { get; } = new();

    /// <summary>Requests refused for a wrong path, credentials or content type, with the reason.</summary>
    public ConcurrentQueue<string> Rejections { get; } = new();

    /// <summary>An answer used for every request when the script is empty; null means "accept with a new sid".</summary>
    public TwilioApiReply? Default { get; set; }

    /// <summary>How long accepting a message takes when the script is empty (a slow provider, to catch a process mid-send).</summary>
    public TimeSpan AcceptDelay { get; set; }

    /// <summary>Starts a server for the account <paramref name="accountSid"/> with that auth token.</summary>
    public static async Task<TwilioApiServer> StartAsync(string accountSid = "AC00000000000000000000000000000001", string authToken = "test-auth-token")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new TwilioApiServer(app, accountSid, authToken);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address);
        return server;
    }

    /// <summary>Queues answers for the next requests, in order.</summary>
    public TwilioApiServer Then(params TwilioApiReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }

        return this;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var expectedPath = $"/2010-04-01/Accounts/{_accountSid}/Messages.json";
        var problem =
            context.Request.Method != "POST" ? $"method {context.Request.Method}" :
            context.Request.Path.Value != expectedPath ? $"path {context.Request.Path.Value}" :
            context.Request.Headers.Authorization.ToString() != _expectedAuthorization ? $"authorization '{context.Request.Headers.Authorization}'" :
            context.Request.ContentType?.Split(';')[0].Trim() != "application/x-www-form-urlencoded" ? $"content type {context.Request.ContentType}" :
            null;
        if (problem is not null)
        {
            Rejections.Enqueue(problem);
            var reply = problem.StartsWith("authorization", StringComparison.Ordinal)
                ? TwilioApiReply.Error(401, 20003, "Authenticate")
                : TwilioApiReply.Error(404, 20404, "The requested resource was not found");
            await WriteAsync(context, reply);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var fields = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        Requests.Enqueue(new TwilioApiRequest(fields));
        var answer = _script.TryDequeue(out var scripted) ? scripted : Default ?? Accepted(fields) with { Delay = AcceptDelay };
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }

        await WriteAsync(context, answer);
    }

    private TwilioApiReply Accepted(List<KeyValuePair<string, string>> fields)
    {
        var sid = "SM" + Interlocked.Increment(ref _sids).ToString("x32", CultureInfo.InvariantCulture);
        var to = fields.FirstOrDefault(f => f.Key == "To").Value;
        return new TwilioApiReply(201, $$"""{"sid": "{{sid}}", "account_sid": "{{_accountSid}}", "to": "{{to}}", "status": "queued", "error_code": null, "error_message": null}""");
    }

    private static async Task WriteAsync(HttpContext context, TwilioApiReply reply)
    {
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }

        if (reply.Body is not null)
        {
            context.Response.ContentType = reply.Body.StartsWith('{') ? "application/json" : "text/plain";
            await context.Response.WriteAsync(reply.Body);
        }
    }
}
