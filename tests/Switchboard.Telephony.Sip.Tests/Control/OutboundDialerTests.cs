using Switchboard.Calls;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Dialogs;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Telephony.Sip.Control;
using Switchboard.Testing;

namespace Switchboard.Telephony.Sip.Tests.Control;

[Trait("Category", Categories.Interop)]
public sealed class OutboundDialerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly DialerFixture _fixture = new();

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_callee_that_answers_gets_a_leg_with_started_audio_and_a_bye_when_it_is_hung_up()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-answer-late.xml");
        using var _ = sipp;
        var destination = new Destination($"sip:callee@127.0.0.1:{port}", "Callee");

        var attempt = await _fixture.Dialer().DialAsync(destination, TimeSpan.FromSeconds(10), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(new CallControlResult(CallControlOutcome.Succeeded, AnsweredBy: destination), attempt.Result);
        var leg = attempt.Leg!;
        Assert.NotNull(leg.Media.RemoteEndPoint);
        Assert.True(leg.Media.CanSendDigits, "telephone-event was agreed from SIPp's answer");
        Assert.Equal(DialerFixture.PortPairs - 1, _fixture.Ports.Available);

        await leg.HangUpAsync(CancellationToken.None).WaitAsync(Patience);
        var result = await Sipp.WaitAsync(sipp, Patience);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
        Assert.Equal(0, _fixture.Agent.Dialogs.Count);
    }

    [Fact]
    public async Task A_callee_hanging_up_ends_the_leg_and_gives_back_its_rtp_ports()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-answer-then-bye.xml");
        using var _ = sipp;

        var attempt = await _fixture.Dialer().DialAsync(new Destination($"sip:callee@127.0.0.1:{port}"), TimeSpan.FromSeconds(10), CancellationToken.None).WaitAsync(Patience);
        Assert.True(attempt.Result.Succeeded, attempt.Result.ToString());
        await attempt.Leg!.Ended.WaitAsync(Patience);

        Assert.Equal(DialogEndReason.RemoteBye, await attempt.Leg.Dialog.Ended);
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
        var result = await Sipp.WaitAsync(sipp, Patience);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task A_callee_that_only_rings_is_cancelled_when_the_ring_time_runs_out()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-cancel.xml");
        using var _ = sipp;

        var attempt = await _fixture.Dialer().DialAsync(new Destination($"sip:ringing@127.0.0.1:{port}"), TimeSpan.FromSeconds(1), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(new LegAttempt(new CallControlResult(CallControlOutcome.NoAnswer, "not answered within 1 s"), null), attempt);
        var result = await Sipp.WaitAsync(sipp, Patience);
        Assert.True(result.ExitCode == 0, $"SIPp expects CANCEL, then sends 487: {result}");
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }

    [Fact]
    public async Task A_busy_callee_gives_busy_with_the_status_line()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-busy.xml");
        using var _ = sipp;

        var attempt = await _fixture.Dialer().DialAsync(new Destination($"sip:busy@127.0.0.1:{port}"), TimeSpan.FromSeconds(10), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(new CallControlResult(CallControlOutcome.Busy, "486 Busy Here"), attempt.Result);
        Assert.True((await Sipp.WaitAsync(sipp, Patience)).ExitCode == 0);
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }

    [Fact]
    public async Task An_extension_is_dialled_at_the_pbx_and_its_digest_challenge_is_answered()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-auth-extension.xml");
        using var _ = sipp;
        var options = new OutboundOptions { Proxy = $"127.0.0.1:{port}", FromUser = "trunk7", PasswordEnv = "SB_TEST_TRUNK_PASSWORD" };
        var dialer = _fixture.Dialer(options, options.Credentials(_ => "secret"));

        var attempt = await dialer.DialAsync(new Destination("201", "Reception"), TimeSpan.FromSeconds(10), CancellationToken.None).WaitAsync(Patience);

        Assert.True(attempt.Result.Succeeded, attempt.Result.ToString());
        await attempt.Leg!.HangUpAsync(CancellationToken.None).WaitAsync(Patience);
        var result = await Sipp.WaitAsync(sipp, Patience);
        Assert.True(result.ExitCode == 0, $"SIPp checks the request URI and the digest: {result}");
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_the_pbx_refusal()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-auth-extension.xml");
        using var _ = sipp;
        var dialer = _fixture.Dialer(new OutboundOptions { Proxy = $"127.0.0.1:{port}", FromUser = "trunk7" }, new DigestCredentials("trunk7", "wrong"));

        var attempt = await dialer.DialAsync(new Destination("201"), TimeSpan.FromSeconds(10), CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(new CallControlResult(CallControlOutcome.Failed, "403 Forbidden"), attempt.Result);
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }

    [Fact]
    public async Task The_caller_hanging_up_cancels_the_ringing_leg()
    {
        var (sipp, port) = await DialerFixture.CalleeAsync("uas-cancel.xml");
        using var _ = sipp;
        using var callerGone = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _fixture.Dialer().DialAsync(new Destination($"sip:ringing@127.0.0.1:{port}"), TimeSpan.FromSeconds(20), callerGone.Token).WaitAsync(Patience));

        var result = await Sipp.WaitAsync(sipp, Patience);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(DialerFixture.PortPairs, _fixture.Ports.Available);
    }
}
