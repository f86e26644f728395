using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Auth;

public sealed class DigestAuthenticationTests
{
    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void The_rfc7616_examples_give_their_published_responses(string algorithm, string expected)
    {
        var challenge = new DigestChallenge("http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", algorithm, ["auth"], null);

        var response = DigestAuthentication.Response(challenge, new DigestCredentials("Mufasa", "Circle of Life"), "GET", "/dir/index.html", "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.Equal(expected, response);
    }

    [Fact]
    public void The_rfc2617_example_gives_its_published_response()
    {
        var challenge = new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "MD5", ["auth", "auth-int"], null);

        var response = DigestAuthentication.Response(challenge, new DigestCredentials("Mufasa", "Circle Of Life"), "GET", "/dir/index.html", "auth", "00000001", "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void A_challenged_request_is_retried_with_cseq_plus_one_no_via_and_the_credentials_and_sha256_is_preferred()
    {
        var register = new SipRequest(SipMethods.Register, AddressUri.Parse("sip:pbx.example.com"));
        register.Headers.Add(HeaderNames.Via, "SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1");
        register.Headers.Add(HeaderNames.From, "<sip:1001@pbx.example.com>;tag=a");
        register.Headers.Add(HeaderNames.To, "<sip:1001@pbx.example.com>");
        register.Headers.Add(HeaderNames.CallId, "reg-1");
        register.Headers.Add(HeaderNames.CSeq, "7 REGISTER");
        var unauthorized = SipResponse.For(register, 401);
        unauthorized.Headers.Add(HeaderNames.WwwAuthenticate, "Digest realm=\"pbx\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"");
        unauthorized.Headers.Add(HeaderNames.WwwAuthenticate, "Digest realm=\"pbx\", nonce=\"n2\", algorithm=SHA-256, qop=\"auth,auth-int\", opaque=\"o\"");

        var retry = DigestAuthentication.Retry(register, unauthorized, new DigestCredentials("1001", "secret"))!;

        Assert.Equal(new CSeq(8, SipMethods.Register), retry.CSeq);
        Assert.False(retry.Headers.Contains(HeaderNames.Via));
        var authorization = retry.Headers.Get(HeaderNames.Authorization)!;
        Assert.Contains("algorithm=SHA-256", authorization, StringComparison.Ordinal);
        Assert.Contains("nonce=\"n2\"", authorization, StringComparison.Ordinal);
        Assert.Contains("qop=auth, nc=00000001", authorization, StringComparison.Ordinal);
        Assert.Contains("opaque=\"o\"", authorization, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Basic realm=\"x\"")]
    [InlineData("Digest realm=\"x\"")]
    [InlineData("Digest nonce=\"x\"")]
    [InlineData("Digest realm=\"x\", nonce=\"unterminated")]
    public void Challenges_that_cannot_be_answered_are_refused(string value)
    {
        Assert.False(DigestChallenge.TryParse(value, out _));
    }
}
