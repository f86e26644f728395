using Switchboard.Sip.Auth;
using Switchboard.Sip.Hardening;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent;

/// <summary>The UA core as a Digest server for INVITEs from outside the allow-list (here loopback is outside it).</summary>
public sealed class AuthenticationTests : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SipUserAgent _caller = TestAgent.Start(new RejectingRequestHandler(404));
    private readonly List<string?> _users = [];
    private SipUserAgent? _callee;

    [Fact]
    public async Task An_invite_from_outside_the_allow_list_is_challenged_and_served_once_signed_and_its_re_invite_is_not_challenged()
    {
        var target = StartCallee(authenticate: true);
        var invite = TestUac.Invite(_caller, target, "alice");

        var challenge = await _caller.SendRequest(invite, target).FinalResponse.WaitAsync(Wait);
        Assert.Equal(401, challenge.StatusCode);
        Assert.Empty(_users);

        var call = await _caller.InviteAsync(DigestAuthentication.Retry(invite, challenge, new DigestCredentials("1001", "secret"))!, target).WaitAsync(Wait);
        Assert.Equal(200, call.Response.StatusCode);
        Assert.Equal(["1001"], _users);

        var reinvite = await _caller.SendInDialogAsync(call.Dialog!, call.Dialog!.CreateRequest(SipMethods.Invite)).WaitAsync(Wait);
        Assert.Equal(488, reinvite.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_403_and_never_reaches_the_handler()
    {
        var target = StartCallee(authenticate: true);
        var invite = TestUac.Invite(_caller, target, "alice");
        var challenge = await _caller.SendRequest(invite, target).FinalResponse.WaitAsync(Wait);

        var retry = DigestAuthentication.Retry(invite, challenge, new DigestCredentials("1001", "guess"))!;
        var refused = await _caller.SendRequest(retry, target).FinalResponse.WaitAsync(Wait);

        Assert.Equal(403, refused.StatusCode);
        Assert.Empty(_users);
    }

    [Fact]
    public async Task Without_digest_configured_the_source_is_refused_with_403()
    {
        var target = StartCallee(authenticate: false);

        var refused = await _caller.SendRequest(TestUac.Invite(_caller, target, "alice"), target).FinalResponse.WaitAsync(Wait);

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal("Forbidden (source not allowed)", refused.Reason);
    }

    [Fact]
    public async Task A_password_lookup_that_throws_gets_500_and_the_stack_keeps_serving()
    {
        var target = StartCallee(authenticate: true, passwords: _ => throw new InvalidOperationException("store is down"));
        var invite = TestUac.Invite(_caller, target, "alice");
        var challenge = await _caller.SendRequest(invite, target).FinalResponse.WaitAsync(Wait);

        var failed = await _caller.SendRequest(DigestAuthentication.Retry(invite, challenge, new DigestCredentials("1001", "secret"))!, target).FinalResponse.WaitAsync(Wait);
        var next = await _caller.SendRequest(TestUac.Invite(_caller, target, "alice"), target).FinalResponse.WaitAsync(Wait);

        Assert.Equal(500, failed.StatusCode);
        Assert.Equal(401, next.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _caller.DisposeAsync();
        if (_callee is not null)
        {
            await _callee.DisposeAsync();
        }
    }

    private SipDestination StartCallee(bool authenticate, Func<string, string?>? passwords = null)
    {
        var handler = new ScriptedHandler(request =>
        {
            lock (_users)
            {
                _users.Add(request.AuthenticatedUser);
            }

            var ok = request.CreateResponse(200);
            ok.Headers.Add(HeaderNames.Contact, $"<{_callee!.ContactFor(request.Source, "alice")}>");
            request.Answer(ok, null);
            return Task.CompletedTask;
        }, SipMethods.Invite);
        _callee = TestAgent.Start(handler, configure: o => o with
        {
            InviteSources = new SourceAllowList(["192.0.2.0/24"]),
            Authentication = authenticate ? new DigestServerOptions { Realm = "switchboard.test", Passwords = passwords ?? (user => user == "1001" ? "secret" : null) } : null,
        });
        return new SipDestination(SipTransportProtocol.Udp, _callee.Transports[0].LocalEndPoint);
    }
}
