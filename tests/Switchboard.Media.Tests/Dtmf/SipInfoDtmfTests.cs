using System.Text;
using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Tests.Dtmf;

public class SipInfoDtmfTests
{
    [Theory]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n", '5', 160)]
    [InlineData("application/dtmf-relay", "Signal=#\nDuration=250\n", '#', 250)]
    [InlineData("Application/DTMF-Relay; charset=utf-8", "signal= *\r\nduration= 100", '*', 100)]
    [InlineData("application/dtmf-relay", "Signal=11\r\nDuration=200\r\n", '#', 200)]
    [InlineData("application/dtmf-relay", "Signal=a\r\n", 'A', 250)]
    [InlineData("application/dtmf", "7", '7', 250)]
    [InlineData("application/dtmf", "10\r\n", '*', 250)]
    public void Info_bodies_give_the_key_and_its_duration(string contentType, string body, char digit, int milliseconds)
    {
        var error = SipInfoDtmf.TryParse(contentType, Encoding.UTF8.GetBytes(body), out var read, out var duration);

        Assert.Null(error);
        Assert.Equal(digit, read);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("text/plain", "Signal=5", "does not carry DTMF")]
    [InlineData("application/dtmf-relay", "Duration=160", "no Signal= line")]
    [InlineData("application/dtmf-relay", "Signal=X\r\nDuration=160", "'X' is not a DTMF key")]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=-1", "not a positive number")]
    [InlineData("application/dtmf-relay", "Signal=5\r\nDuration=0", "not a positive number")]
    [InlineData("application/dtmf", "", "'' is not a DTMF key")]
    [InlineData("application/dtmf", "16", "'16' is not a DTMF key")]
    public void Bodies_without_a_key_are_rejected_with_a_reason(string contentType, string body, string reason)
    {
        Assert.Contains(reason, SipInfoDtmf.TryParse(contentType, Encoding.UTF8.GetBytes(body), out _, out _), StringComparison.Ordinal);
    }

    [Fact]
    public void The_relay_body_written_for_a_key_reads_back()
    {
        var body = SipInfoDtmf.FormatDtmfRelay('b', TimeSpan.FromMilliseconds(160));

        Assert.Equal("Signal=B\r\nDuration=160\r\n", body);
        Assert.Null(SipInfoDtmf.TryParse(SipInfoDtmf.DtmfRelay, Encoding.UTF8.GetBytes(body), out var digit, out var duration));
        Assert.Equal(('B', TimeSpan.FromMilliseconds(160)), (digit, duration));
    }
}
