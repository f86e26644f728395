using Switchboard.Calls;
using Switchboard.Prompts;
using Switchboard.Sip.Dialogs;
using Switchboard.Telephony.Sip.Routing;
using Switchboard.Telephony.Sip.Tests.TestPeers;

namespace Switchboard.Telephony.Sip.Tests.Inbound;

public sealed class InboundCallsTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TestCaller _phone = new();
    private CallServer? _server;

    [Fact]
    public async Task A_call_no_route_matches_gets_404_and_holds_nothing()
    {
        var server = Serve(Forever, [new SipRoute("+31201234567", PromptFolder.App)]);

        await using var leg = await _phone.CallAsync(server.Address, user: "+31209999999");

        Assert.Equal(404, leg.Status);
        Assert.Contains("+31209999999", leg.Result.Response.Reason, StringComparison.Ordinal);
        Assert.Equal(0, server.Inbound.RtpPortsInUse);
    }

    [Fact]
    public async Task The_default_route_takes_calls_no_route_matches()
    {
        var server = Serve(async (call, ct) => await call.HangUpAsync(ct), [new SipRoute("+31201234567", "elsewhere")], new SipRoute(SipRoute.Any, PromptFolder.App));

        await using var leg = await _phone.CallAsync(server.Address, user: "+31209999999");

        Assert.Equal(480, leg.Status);
        Assert.Equal(PromptFolder.App, (await server.NextCallAsync()).Prompts.App);
    }

    [Fact]
    public async Task The_live_view_lists_a_call_in_progress_with_its_app_and_caller()
    {
        var server = Serve(Forever);
        await using var leg = await _phone.CallAsync(server.Address, user: "0201234567");
        var call = await server.NextCallAsync();

        var live = Assert.Single(server.Inbound.Active);

        Assert.Equal((call.Id, PromptFolder.App, "0201234567"), (live.Id, live.App, live.Called));
        Assert.StartsWith("<sip:+31201234567@127.0.0.1>;tag=", live.Caller, StringComparison.Ordinal);
        Assert.Equal(1, server.Inbound.RtpPortsInUse);
        await leg.HangUpAsync();
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task A_stop_refuses_new_calls_with_503_and_hangs_up_the_calls_still_in_progress_after_the_timeout()
    {
        var server = Serve(Forever);
        await using var first = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        var draining = server.Inbound.DrainAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);
        await using var refused = await _phone.CallAsync(server.Address);
        await draining.WaitAsync(Wait);

        Assert.Equal(503, refused.Status);
        Assert.Equal("30", refused.Result.Response.Headers.Get("Retry-After"));
        Assert.Equal(DialogEndReason.RemoteBye, await first.Dialog.Ended.WaitAsync(Wait));
        Assert.Equal(HangUpSide.App, call.EndedBy);
        Assert.Contains(call.Journal.Events, e => e is { Kind: CallEventKind.HangUp, Detail: "the server is stopping" });
        await server.AssertReleasedAsync(call);
    }

    [Fact]
    public async Task A_stop_lets_a_call_that_ends_in_time_end_by_itself()
    {
        var server = Serve(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await call.PlayAsync(Prompt.Of("hello"), ct);
            call.Journal.SetOutcome("finished-by-itself");
        });
        await using var leg = await _phone.CallAsync(server.Address);
        var call = await server.NextCallAsync();

        await server.Inbound.DrainAsync(TimeSpan.FromSeconds(10), CancellationToken.None).WaitAsync(Wait);

        Assert.Equal("finished-by-itself", call.Journal.Outcome);
        await server.AssertReleasedAsync(call);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _phone.DisposeAsync();
    }

    private static async Task Forever(ICall call, CancellationToken ct)
    {
        await call.AnswerAsync(ct);
        await Task.Delay(Timeout.Infinite, ct);
    }

    private CallServer Serve(Func<ICall, CancellationToken, Task> script, IReadOnlyList<SipRoute>? routes = null, SipRoute? fallback = null) =>
        _server = CallServer.Start(script, routes, fallback);
}
