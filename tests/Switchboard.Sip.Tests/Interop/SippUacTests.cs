using Switchboard.Sip.Auth;
using Switchboard.Sip.Hardening;
using Switchboard.Sip.Tests.TestPeers;
using Switchboard.Testing;

namespace Switchboard.Sip.Tests.Interop;

[Trait("Category", Categories.Interop)]
public sealed class SippUacTests
{
    private static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Interop", "Scenarios", name);

    [Theory]
    [InlineData("udp", "u1")]
    [InlineData("tcp", "t1")]
    public async Task Sipp_places_100_calls_to_the_test_uas_and_every_one_completes(string listen, string transport)
    {
        var uas = new TestUas();
        await using var agent = uas.Start($"{listen}:127.0.0.1:0");

        var result = await Sipp.CallAsync(agent.Transports[0].LocalEndPoint, transport, 100, Scenario("uac.xml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(100, uas.Answered);
        Assert.Equal(100, await uas.EndedByCallerAsync());
        Assert.Equal(0, agent.Dialogs.Count);
    }

    [Fact]
    public async Task With_10_percent_loss_on_both_sides_every_call_still_completes_through_retransmissions()
    {
        var uas = new TestUas();
        await using var agent = uas.Start("udp:127.0.0.1:0");

        var result = await Sipp.CallAsync(agent.Transports[0].LocalEndPoint, "u1", 30, Scenario("uac.xml"), "-lost", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        var ended = await uas.EndedByCallerAsync();
        Assert.True(uas.Answered == 30 && ended == 30, $"answered {uas.Answered}, ended {ended}\n{result}");
        Assert.Equal(0, agent.Dialogs.Count);
    }

    [Theory]
    [InlineData("udp", "u1")]
    [InlineData("tcp", "t1")]
    public async Task A_call_cancelled_while_ringing_gets_200_for_the_cancel_and_487_for_the_invite(string listen, string transport)
    {
        var uas = new TestUas { AnswerDelay = TimeSpan.FromSeconds(30) };
        await using var agent = uas.Start($"{listen}:127.0.0.1:0");

        var result = await Sipp.CallAsync(agent.Transports[0].LocalEndPoint, transport, 10, Scenario("uac-cancel.xml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(10, uas.Cancelled);
        Assert.Equal(0, uas.Answered);
    }

    [Theory]
    [InlineData("udp", "u1")]
    [InlineData("tcp", "t1")]
    public async Task A_re_invite_inside_the_call_is_answered_and_the_call_then_ends(string listen, string transport)
    {
        var uas = new TestUas();
        await using var agent = uas.Start($"{listen}:127.0.0.1:0");

        var result = await Sipp.CallAsync(agent.Transports[0].LocalEndPoint, transport, 10, Scenario("uac-reinvite.xml"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(10, uas.Refreshed);
        Assert.Equal(10, await uas.EndedByCallerAsync());
        Assert.Equal(0, agent.Dialogs.Count);
    }

    [Theory]
    [InlineData("udp", "u1", "secret", 5)]
    [InlineData("tcp", "t1", "secret", 5)]
    [InlineData("udp", "u1", "wrong", 0)]
    public async Task Sipp_from_outside_the_allow_list_is_challenged_and_its_signed_invite_is_answered_only_with_the_right_password(string listen, string transport, string password, int answered)
    {
        var uas = new TestUas();
        await using var agent = uas.Start($"{listen}:127.0.0.1:0", o => o with
        {
            InviteSources = new SourceAllowList(["192.0.2.0/24"]),
            // SIPp 3.6 answers only the first challenge, and only MD5.
            Authentication = new DigestServerOptions { Realm = "switchboard.test", Passwords = user => user == "1001" ? "secret" : null, Algorithms = ["MD5", "SHA-256"] },
        });

        var result = await Sipp.CallAsync(agent.Transports[0].LocalEndPoint, transport, 5, Scenario("uac-auth.xml"), "-au", "1001", "-ap", password);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(answered, uas.Answered);
        Assert.Equal(answered, await uas.EndedByCallerAsync());
    }
}
