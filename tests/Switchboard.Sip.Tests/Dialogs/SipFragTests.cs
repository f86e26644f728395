using System.Text;
using Switchboard.Sip.Dialogs;

namespace Switchboard.Sip.Tests.Dialogs;

public sealed class SipFragTests
{
    [Theory]
    [InlineData("SIP/2.0 100 Trying\r\n", 100, "Trying")]
    [InlineData("SIP/2.0 180 Ringing", 180, "Ringing")]
    [InlineData("SIP/2.0 200 OK\r\nContact: <sip:bob@192.0.2.4>\r\n\r\n", 200, "OK")]
    [InlineData("SIP/2.0 503\r\n", 503, "")]
    [InlineData("SIP/2.0 486 Busy Here\n", 486, "Busy Here")]
    public void A_status_line_is_read_and_the_fragment_headers_after_it_are_ignored(string body, int code, string reason)
    {
        var status = SipFrag.Parse(Encoding.UTF8.GetBytes(body), out var rejection);

        Assert.Equal(new SipFragStatus(code, reason), status);
        Assert.Empty(rejection);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("INVITE sip:bob@example.com SIP/2.0\r\n", "does not start")]
    [InlineData("SIP/2.0 20 OK\r\n", "three digits")]
    [InlineData("SIP/2.0 2000 OK\r\n", "three digits")]
    [InlineData("SIP/2.0 099 Low\r\n", "three digits")]
    [InlineData("SIP/2.0 700 High\r\n", "three digits")]
    [InlineData("SIP/2.0 200 O\u0001K\r\n", "control")]
    public void Anything_else_is_rejected_with_a_reason(string body, string reason)
    {
        Assert.Null(SipFrag.Parse(Encoding.UTF8.GetBytes(body), out var rejection));
        Assert.Contains(reason, rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlong_status_line_is_rejected()
    {
        Assert.Null(SipFrag.Parse(Encoding.ASCII.GetBytes("SIP/2.0 200 " + new string('x', 600)), out var rejection));
        Assert.Contains("longer", rejection, StringComparison.Ordinal);
    }
}
