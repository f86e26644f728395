using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registration;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Sip.Transports;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Registration;

public sealed class RegistrationClientTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(3600, 3540)]
    [InlineData(120, 60)]
    [InlineData(20, 10)]
    public void A_binding_is_refreshed_a_minute_early_or_halfway_when_short(int granted, int refresh)
    {
        Assert.Equal(TimeSpan.FromSeconds(refresh), RegistrationClient.RefreshAfter(TimeSpan.FromSeconds(granted)));
    }

    [Fact]
    public async Task It_registers_refreshes_before_expiry_and_backs_off_after_failures()
    {
        var clock = new ManualClock();
        await using var agent = TestAgent.Start(new RejectingRequestHandler(404), time: clock);
        await using var registrar = SipTestClient.Udp(agent.Transports[0].LocalEndPoint);
        var options = new RegistrationOptions(
            (SipUri)AddressUri.Parse("sip:pbx.example.com"),
            (SipUri)AddressUri.Parse("sip:1001@pbx.example.com"),
            new SipDestination(SipTransportProtocol.Udp, registrar.LocalEndPoint)) { RetryMin = TimeSpan.FromSeconds(30) };
        await using var client = new RegistrationClient(agent, options, clock, NullLogger.Instance);

        client.Start();
        var first = await NextRegisterAsync(registrar);
        await Answer(registrar, first, 200, contactExpires: 120);
        await WaitForAsync(() => client.State == RegistrationState.Registered);
        Assert.Equal(TimeSpan.FromSeconds(120), client.Granted);

        clock.Advance(TimeSpan.FromSeconds(60));
        var refresh = await NextRegisterAsync(registrar);
        Assert.Equal(first.CallId, refresh.CallId);
        Assert.Equal(first.CSeq!.Number + 1, refresh.CSeq!.Number);

        await Answer(registrar, refresh, 503);
        await WaitForAsync(() => client.State == RegistrationState.Failed);
        clock.Advance(TimeSpan.FromSeconds(30));
        await Answer(registrar, await NextRegisterAsync(registrar), 503);
        await WaitForAsync(() => client.Granted is not null && client.State == RegistrationState.Failed);
        await Task.Delay(200);
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(await registrar.ReceiveAsync(TimeSpan.FromMilliseconds(200)));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(SipMethods.Register, (await NextRegisterAsync(registrar)).Method);
    }

    private static async Task<SipRequest> NextRegisterAsync(SipTestClient registrar)
    {
        while (await registrar.ReceiveAsync(Wait) is { } message)
        {
            if (message is SipRequest { Method: SipMethods.Register } request)
            {
                return request;
            }
        }

        throw new TimeoutException("No REGISTER arrived.");
    }

    private static async Task Answer(SipTestClient registrar, SipRequest request, int status, int? contactExpires = null)
    {
        var response = SipResponse.For(request, status, toTag: "reg");
        if (contactExpires is { } seconds)
        {
            response.Headers.Add(HeaderNames.Contact, $"{request.Headers.Get(HeaderNames.Contact)};expires={seconds}");
        }

        await registrar.SendAsync(SipMessageWriter.ToBytes(response));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
