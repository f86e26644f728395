using Switchboard.Calls;
using Switchboard.Telephony.Sip.Control;

namespace Switchboard.Telephony.Sip.Tests.Control;

public sealed class SipOutcomesTests
{
    [Theory]
    [InlineData(486, "Busy Here", CallControlOutcome.Busy, "486 Busy Here")]
    [InlineData(600, "Busy Everywhere", CallControlOutcome.Busy, "600 Busy Everywhere")]
    [InlineData(603, "Decline", CallControlOutcome.Busy, "603 Decline")]
    [InlineData(408, "Request Timeout", CallControlOutcome.NoAnswer, "408 Request Timeout")]
    [InlineData(480, "", CallControlOutcome.NoAnswer, "480")]
    [InlineData(404, "Not Found", CallControlOutcome.Failed, "404 Not Found")]
    [InlineData(503, "Service Unavailable", CallControlOutcome.Failed, "503 Service Unavailable")]
    public void Each_final_status_maps_to_its_outcome_with_the_status_line(int status, string reason, CallControlOutcome outcome, string text)
    {
        Assert.Equal(new CallControlResult(outcome, text), SipOutcomes.ForStatus(status, reason));
    }
}
