using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.Messages;

public sealed class ViaTests
{
    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776;rport", "UDP", "192.0.2.1", 5060, "z9hG4bK776", true)]
    [InlineData("SIP/2.0/tcp [2001:db8::9]:5070;branch=z9hG4bKx;received=2001:db8::1", "TCP", "2001:db8::9", 5070, "z9hG4bKx", false)]
    [InlineData("SIP  /   2.0 /UDP\t192.0.2.2;branch=390skdjuw", "UDP", "192.0.2.2", null, "390skdjuw", false)]
    [InlineData("SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en", "UNKNOWN", "t4.example.com", null, "z9hG4bKasd0f3en", false)]
    [InlineData("SIP/2.0/UDP host : 5062 ;rport=5070", "UDP", "host", 5062, null, true)]
    public void Via_hops_are_read(string value, string transport, string host, int? port, string? branch, bool rport)
    {
        var vias = new List<Via>();
        Assert.True(Via.TryParseList(value, vias, out var error), error);

        var via = Assert.Single(vias);
        Assert.Equal(transport, via.Transport);
        Assert.Equal(host, via.SentBy.Host);
        Assert.Equal(port, via.SentBy.Port);
        Assert.Equal(branch, via.Branch);
        Assert.Equal(rport, via.HasRport);
    }

    [Theory]
    [InlineData("SIP/2.0/UDP 192.0.2.15;;,;,,")]
    [InlineData("SIP/2.0 192.0.2.15")]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0/UDP host;received=not-an-ip")]
    [InlineData("SIP/2.0/UDP host;rport=70000")]
    [InlineData("SIP/2.0/UDP host;branch=")]
    public void Broken_via_values_are_refused(string value)
    {
        Assert.False(Via.TryParseList(value, [], out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Only_a_cookie_with_something_after_it_is_an_rfc3261_branch()
    {
        var vias = new List<Via>();
        Via.TryParseList("SIP/2.0/UDP a;branch=z9hG4bK, SIP/2.0/UDP b;branch=z9hG4bK1, SIP/2.0/UDP c", vias, out _);

        Assert.Equal([false, true, false], vias.Select(v => v.HasRfc3261Branch));
    }
}
