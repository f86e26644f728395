namespace Switchboard.Interop.Tests.Server;

/// <summary>
/// One call a peer placed to the fixture's server, with where the server's log and the Twilio requests stood when it began,
/// so its outcome can be checked on its own: messages sent, keys heard, who hung up, resources let go.
/// </summary>
public sealed class PlacedCall(CallServerFixture fixture, int messageMark, int logMark)
{
    /// <summary>The keys a landline caller types in every flow here: the mobile number, # to finish (swallowed: the number is complete at the 8), 1 to confirm.</summary>
    public const string LandlineKeys = "0612345678#1";

    /// <summary>What the peer reported (exit code, output, message trace), for failure messages.</summary>
    public string PeerReport { get; set; } = "";

    /// <summary>The peer's exit code when it is a program that ends with the call (SIPp: 0 when the call went as its scenario says).</summary>
    public int? PeerExitCode { get; set; }

    /// <summary>The server's log lines since the call began.</summary>
    public IReadOnlyList<string> ServerLog => fixture.Server.LogSince(logMark);

    /// <summary>The keys the server logged since the call began, each with how it came.</summary>
    public IReadOnlyList<(char Key, string Source)> Keys => fixture.Server.KeysSince(logMark);

    /// <summary>The keys as one string, e.g. <c>0612345678#1</c>.</summary>
    public string KeyString => string.Concat(Keys.Select(k => k.Key));

    /// <summary>Everything known about the call, for an assertion's message.</summary>
    public string Report => $"{PeerReport}\n--- server log since the call began ---\n{string.Join('\n', ServerLog.TakeLast(80))}";

    /// <summary>Asserts that the peer's scenario ran to its end (SIPp exit code 0): every message it expected came, in order.</summary>
    public void AssertPeerFollowedItsScenario() => Assert.True(PeerExitCode == 0, Report);

    /// <summary>
    /// Asserts the whole landline flow: the server heard <see cref="LandlineKeys"/>, every one by <paramref name="keySource"/>
    /// (<c>Rfc4733</c>, <c>SipInfo</c>, <c>InBand</c>); one SMS with the link went to the mobile number typed; the app hung up
    /// and the call let go of everything.
    /// </summary>
    public async Task AssertConfirmedLandlineFlowAsync(string keySource)
    {
        await AssertOneLinkSentAsync(CallServerFixture.Mobile);
        Assert.True(KeyString == LandlineKeys, $"The server heard '{KeyString}', not '{LandlineKeys}'.\n{Report}");
        Assert.All(Keys, k => Assert.Equal(keySource, k.Source));
        await AssertEndedAsync("App", "sms-sent");
        await AssertReleasedAsync();
    }

    /// <summary>Asserts that exactly one message went out for this call: <see cref="CallServerFixture.ExpectedMessage"/> by SMS to <paramref name="to"/>.</summary>
    public async Task AssertOneLinkSentAsync(string to)
    {
        var messages = await fixture.MessagesSinceAsync(messageMark, 1);
        Assert.True(messages.Count == 1, $"Expected one message to {to}; Twilio got {messages.Count}: " +
            $"{string.Join("; ", messages.Select(m => $"{m["To"]}: {m["Body"]}"))}\n{Report}");
        Assert.Equal(to, messages[0]["To"]);
        Assert.Equal(CallServerFixture.ExpectedMessage, messages[0]["Body"]);
    }

    /// <summary>Asserts that no message went out for this call, after giving the outbox dispatcher time to send one.</summary>
    public async Task AssertNothingSentAsync()
    {
        var messages = await fixture.MessagesSinceAsync(messageMark, 0);
        Assert.True(messages.Count == 0, $"Expected no message; Twilio got {string.Join("; ", messages.Select(m => $"{m["To"]}: {m["Body"]}"))}\n{Report}");
    }

    /// <summary>
    /// Asserts that the server logged the end of the call by <paramref name="side"/> (<c>App</c> or <c>Caller</c>), both where
    /// the SIP call ended and where the app's run ended, with the app's <paramref name="outcome"/> (docs/apps/whatsapp-link.md).
    /// The server logs them after it answered the caller's BYE, so they are waited for (up to 10 s).
    /// </summary>
    public async Task AssertEndedAsync(string side, string outcome)
    {
        var sipEnded = "ended by " + side;
        var appEnded = $"Call ended: {outcome}, hung up by {side}";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!(Logged(sipEnded) && Logged(appEnded)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(Logged(sipEnded), $"The server did not log the SIP call as ended by {side}.\n{Report}");
        Assert.True(Logged(appEnded), $"The server did not log the app's run as ended with {outcome}, hung up by {side}.\n{Report}");
    }

    private bool Logged(string text) => ServerLog.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Asserts that the server holds no call and no RTP port any more (<c>GET /calls</c>).</summary>
    public async Task AssertReleasedAsync()
    {
        var calls = await fixture.CallsWhenIdleAsync();
        Assert.True(calls.Calls.Length == 0 && calls.RtpPortsInUse == 0, $"After the call GET /calls still shows {calls}.\n{Report}");
    }
}
