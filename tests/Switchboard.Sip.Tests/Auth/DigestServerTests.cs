using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Tests.TestPeers;

namespace Switchboard.Sip.Tests.Auth;

public sealed class DigestServerTests
{
    private readonly ManualClock _clock = new();
    private readonly DigestServer _server;

    public DigestServerTests() => _server = Server();

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("MD5", "8CA523F5E9506FED4657C9700EEBDBEC")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void The_rfc7616_example_responses_are_accepted_and_a_changed_one_is_not(string algorithm, string response)
    {
        var challenge = new DigestChallenge("http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", algorithm, ["auth"], null);
        var mufasa = new DigestCredentials("Mufasa", "Circle of Life");
        const string cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

        Assert.True(DigestServer.Signs(response, challenge, mufasa, "GET", "/dir/index.html", "00000001", cnonce));
        Assert.False(DigestServer.Signs(response, challenge, mufasa, "GET", "/dir/index.html", "00000002", cnonce));
        Assert.False(DigestServer.Signs(response, challenge, mufasa with { Password = "Circle Of Life" }, "GET", "/dir/index.html", "00000001", cnonce));
    }

    [Fact]
    public void The_rfc2617_example_response_is_accepted()
    {
        var challenge = new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "MD5", ["auth"], null);

        Assert.True(DigestServer.Signs("6629fae49393a05397450978507c4ef1", challenge, new DigestCredentials("Mufasa", "Circle Of Life"), "GET", "/dir/index.html", "00000001", "0a4f113b"));
    }

    [Fact]
    public void A_request_without_credentials_gets_401_offering_sha256_first_then_md5_with_qop_auth()
    {
        var invite = Invite();

        var verdict = _server.Verify(invite);
        var refusal = _server.Refusal(invite, verdict, "t1");

        Assert.Equal(DigestVerdictKind.Challenge, verdict.Kind);
        Assert.Equal(401, refusal.StatusCode);
        var challenges = refusal.Headers.GetAll(HeaderNames.WwwAuthenticate).Select(h => Parse(h.Value)).ToList();
        Assert.Equal(["SHA-256", "MD5"], challenges.Select(c => c.Algorithm));
        Assert.All(challenges, c => Assert.Equal("switchboard.test", c.Realm));
        Assert.All(challenges, c => Assert.Equal(["auth"], c.Qop));
        Assert.DoesNotContain("stale", refusal.Headers.Get(HeaderNames.WwwAuthenticate)!, StringComparison.Ordinal);
        Assert.Equal("t1", refusal.To!.Tag);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_request_signed_with_either_offered_algorithm_and_the_right_password_is_authenticated(int offered)
    {
        var signed = Signed(Invite(), "secret", offered);

        var verdict = _server.Verify(signed);

        Assert.Equal(DigestVerdictKind.Authenticated, verdict.Kind);
        Assert.Equal("1001", verdict.Username);
    }

    [Fact]
    public void A_wrong_password_gets_403()
    {
        var signed = Signed(Invite(), "guess");

        var verdict = _server.Verify(signed);

        Assert.Equal(DigestVerdictKind.Forbidden, verdict.Kind);
        Assert.Equal(403, _server.Refusal(signed, verdict, "t").StatusCode);
    }

    [Fact]
    public void An_unknown_user_gets_403()
    {
        var invite = Invite();
        var challenge = Parse(_server.Refusal(invite, _server.Verify(invite), "t").Headers.Get(HeaderNames.WwwAuthenticate)!);
        invite.Headers.Add(HeaderNames.Authorization, DigestAuthentication.Authorization(challenge, new DigestCredentials("2002", "secret"), invite));

        Assert.Equal(DigestVerdictKind.Forbidden, _server.Verify(invite).Kind);
    }

    [Fact]
    public void An_expired_nonce_gets_401_with_stale_true()
    {
        var signed = Signed(Invite(), "secret");
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var verdict = _server.Verify(signed);
        var refusal = _server.Refusal(signed, verdict, "t");

        Assert.Equal(DigestVerdictKind.Stale, verdict.Kind);
        Assert.Equal(401, refusal.StatusCode);
        Assert.All(refusal.Headers.GetAll(HeaderNames.WwwAuthenticate), h => Assert.EndsWith("stale=true", h.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void A_nonce_count_used_twice_is_a_replay_and_a_higher_count_with_the_same_nonce_is_accepted()
    {
        var invite = Invite();
        var challenge = Parse(_server.Refusal(invite, _server.Verify(invite), "t").Headers.Get(HeaderNames.WwwAuthenticate)!);
        var first = Invite();
        first.Headers.Add(HeaderNames.Authorization, DigestAuthentication.Authorization(challenge, Credentials("secret"), first, 1));
        var second = Invite();
        second.Headers.Add(HeaderNames.Authorization, DigestAuthentication.Authorization(challenge, Credentials("secret"), second, 2));

        Assert.Equal(DigestVerdictKind.Authenticated, _server.Verify(first).Kind);
        Assert.Equal(DigestVerdictKind.Stale, _server.Verify(first).Kind);
        Assert.Equal(DigestVerdictKind.Authenticated, _server.Verify(second).Kind);
        Assert.Equal(DigestVerdictKind.Stale, _server.Verify(first).Kind);
    }

    [Theory]
    [InlineData("nonce=\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"", DigestVerdictKind.Challenge)]
    [InlineData("realm=\"elsewhere\"", DigestVerdictKind.Challenge)]
    [InlineData("algorithm=SHA-512-256", DigestVerdictKind.Challenge)]
    [InlineData("uri=\"sip:alice@elsewhere.test\"", DigestVerdictKind.Malformed)]
    [InlineData("uri=\"sip:alice@switchboard.test:5070\"", DigestVerdictKind.Malformed)]
    [InlineData("nc=1", DigestVerdictKind.Malformed)]
    [InlineData("qop=auth-int", DigestVerdictKind.Forbidden)]
    public void Credentials_for_another_realm_nonce_or_uri_or_without_qop_auth_are_refused(string replacement, DigestVerdictKind expected)
    {
        var signed = Signed(Invite(), "secret");
        var authorization = signed.Headers.Get(HeaderNames.Authorization)!;
        var name = replacement[..replacement.IndexOf('=', StringComparison.Ordinal)];
        var parts = authorization["Digest ".Length..].Split(", ").Select(p => p.StartsWith(name + "=", StringComparison.Ordinal) ? replacement : p);
        var changed = Invite();
        changed.Headers.Add(HeaderNames.Authorization, "Digest " + string.Join(", ", parts));

        var verdict = _server.Verify(changed);

        Assert.Equal(expected, verdict.Kind);
        Assert.Equal(expected switch { DigestVerdictKind.Malformed => 400, DigestVerdictKind.Forbidden => 403, _ => 401 }, _server.Refusal(changed, verdict, "t").StatusCode);
    }

    [Fact]
    public void A_signed_uri_without_the_user_part_names_the_same_resource_as_sipp_signs_it()
    {
        var invite = Invite();
        invite.RequestUri = AddressUri.Parse("sip:switchboard.test");
        var signed = Signed(invite, "secret");
        signed.RequestUri = AddressUri.Parse("sip:alice@switchboard.test");

        Assert.Equal(DigestVerdictKind.Authenticated, _server.Verify(signed).Kind);
    }

    [Fact]
    public void When_the_replay_table_is_full_it_starts_over_and_the_nonces_issued_before_go_stale()
    {
        var server = Server(maxTracked: 2);
        var early = Signed(Invite(), "secret", server: server);
        var signed = Enumerable.Range(0, 3).Select(_ => Signed(Invite(), "secret", server: server)).ToList();

        Assert.Equal(DigestVerdictKind.Authenticated, server.Verify(signed[0]).Kind);
        Assert.Equal(DigestVerdictKind.Authenticated, server.Verify(signed[1]).Kind);
        Assert.Equal(DigestVerdictKind.Stale, server.Verify(signed[2]).Kind);
        Assert.Equal(0, server.TrackedNonces);
        Assert.Equal(DigestVerdictKind.Stale, server.Verify(early).Kind);
        Assert.Equal(DigestVerdictKind.Authenticated, server.Verify(Signed(Invite(), "secret", server: server)).Kind);
    }

    private DigestServer Server(int maxTracked = 100_000) =>
        new(new DigestServerOptions { Realm = "switchboard.test", Passwords = user => user == "1001" ? "secret" : null, MaxTrackedNonces = maxTracked }, _clock);

    private static DigestCredentials Credentials(string password) => new("1001", password);

    private static DigestChallenge Parse(string value) => DigestChallenge.TryParse(value, out var challenge) ? challenge! : throw new FormatException(value);

    /// <summary>The request signed as a client would after the server's 401, answering the challenge at <paramref name="offered"/>.</summary>
    private SipRequest Signed(SipRequest request, string password, int offered = 0, DigestServer? server = null)
    {
        server ??= _server;
        var refusal = server.Refusal(request, server.Verify(request), "t");
        var challenge = Parse(refusal.Headers.GetAll(HeaderNames.WwwAuthenticate).ElementAt(offered).Value);
        request.Headers.Add(HeaderNames.Authorization, DigestAuthentication.Authorization(challenge, Credentials(password), request));
        return request;
    }

    private static SipRequest Invite()
    {
        var invite = new SipRequest(SipMethods.Invite, AddressUri.Parse("sip:alice@switchboard.test"));
        invite.Headers.Add(HeaderNames.Via, "SIP/2.0/UDP 198.51.100.7;branch=z9hG4bKd1");
        invite.Headers.Add(HeaderNames.From, "<sip:1001@198.51.100.7>;tag=f");
        invite.Headers.Add(HeaderNames.To, "<sip:alice@switchboard.test>");
        invite.Headers.Add(HeaderNames.CallId, "digest-server");
        invite.Headers.Add(HeaderNames.CSeq, "1 INVITE");
        return invite;
    }
}
