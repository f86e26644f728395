using System.Globalization;
using System.Text.Json;
using Switchboard.Interop.Tests.Peers;
using Switchboard.Testing;
using Switchboard.Testing.Twilio;

namespace Switchboard.Interop.Tests.Server;

/// <summary>
/// One real server per test class: its own settings file, SQLite data folder, RTP port range and local Twilio API, SIP on
/// ephemeral loopback ports. Calls to <see cref="BusinessNumber"/> run the whatsapp-link app, whose messages reach
/// <see cref="Twilio"/> through the outbox.
/// </summary>
public sealed class CallServerFixture : IAsyncLifetime
{
    /// <summary>The number callers dial; the route matches it and the app puts it in the WhatsApp link.</summary>
    public const string BusinessNumber = "+31205550100";

    /// <summary>A Dutch landline: the app cannot text it and asks for a mobile number.</summary>
    public const string Landline = "+31201234567";

    /// <summary>A Dutch mobile number: a caller from it gets the link at once; it is also the number the landline callers key in.</summary>
    public const string Mobile = "+31612345678";

    /// <summary>The message every call here must cause: the app's default template with the wa.me link to the business number and the default pre-filled text.</summary>
    public const string ExpectedMessage = "Chat with us on WhatsApp: https://wa.me/31205550100?text=Hello%21";

    private const int RtpRangeBase = 24000;
    private const int RtpPortsPerServer = 100;
    private static int _servers;

    /// <summary>This server's settings, data and scratch files, deleted in <see cref="DisposeAsync"/>.</summary>
    private readonly string _directory = Directory.CreateTempSubdirectory("switchboard-interop-").FullName;
    private SwitchboardServer? _server;
    private TwilioApiServer? _twilio;

    /// <summary>The server process.</summary>
    public SwitchboardServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The Twilio Messages API the outbox sends to.</summary>
    public TwilioApiServer Twilio => _twilio ?? throw new InvalidOperationException("The Twilio stand-in has not started.");

    /// <summary>This server's RTP ports (<c>Sip:RtpPorts</c>), apart from every other server's in this run.</summary>
    private readonly (int First, int Last) _rtpPorts = NextRtpRange();

    /// <summary>A scratch folder deleted with the fixture (tone files, peer configs).</summary>
    public string Scratch => Directory.CreateDirectory(Path.Combine(_directory, "scratch")).FullName;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _twilio = await TwilioApiServer.StartAsync();
        var settings = new Dictionary<string, object>
        {
            ["Http"] = new { Urls = "http://127.0.0.1:0" },
            ["Sip"] = new
            {
                Listen = new[] { "udp:127.0.0.1:0", "tcp:127.0.0.1:0" },
                RtpPorts = string.Create(CultureInfo.InvariantCulture, $"{_rtpPorts.First}-{_rtpPorts.Last}"),
                RtpAddress = "127.0.0.1",
                Routes = new[] { new { Match = BusinessNumber, App = "whatsapp-link" } },
            },
            // Debug for the SIP calls: each key is logged with how it came (RFC 4733, SIP INFO, in-band).
            ["Logging"] = new { LogLevel = new Dictionary<string, string> { ["Switchboard.Telephony.Sip"] = "Debug" } },
            ["Storage"] = new { DataDirectory = Path.Combine(_directory, "data") },
            ["Prompts"] = new { Root = RepoPaths.InRepo("prompts") },
            ["Twilio"] = new { AccountSid = "AC00000000000000000000000000000001", From = "+3197010000000", ApiBaseUrl = _twilio.BaseUrl },
            ["Outbox"] = new { PollInterval = "00:00:00.100" },
            // Several calls per class text the same number within minutes; the guard's limits are not under test here.
            ["Guard"] = new { PerDestinationLimit = 1000, PerCallerLimit = 1000 },
            ["Apps"] = new Dictionary<string, object> { ["whatsapp-link"] = new { WhatsAppNumber = BusinessNumber } },
        };
        var file = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(settings));
        _server = await SwitchboardServer.StartAsync(file, new Dictionary<string, string> { ["Twilio__AuthToken"] = "test-auth-token" });
    }

    /// <summary>Marks where the log and the Twilio requests stand, then has SIPp place <paramref name="call"/> and waits for it to finish.</summary>
    public async Task<PlacedCall> SippCallAsync(Sipp.Dial call)
    {
        var placed = Begin();
        var result = await Sipp.RunAsync(call);
        placed.PeerReport = result.ToString();
        placed.PeerExitCode = result.ExitCode;
        return placed;
    }

    /// <summary>Marks where the log and the Twilio requests stand, for a call a peer is about to place.</summary>
    public PlacedCall Begin() => new(this, Twilio.Requests.Count, Server.Log.Count);

    /// <summary>
    /// The messages that reached Twilio after the first <paramref name="mark"/>: waits up to 15 s for <paramref name="expected"/> of them,
    /// then one second more (ten of the dispatcher's poll intervals), so that a message beyond <paramref name="expected"/> shows.
    /// </summary>
    public async Task<IReadOnlyList<TwilioApiRequest>> MessagesSinceAsync(int mark, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (Twilio.Requests.Count - mark < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        return [.. Twilio.Requests.Skip(mark)];
    }

    /// <summary>Polls <c>GET /calls</c> until no call is active and no RTP port is held, or 10 s pass; returns the last answer.</summary>
    public async Task<ActiveCalls> CallsWhenIdleAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var calls = await Server.GetCallsAsync();
            if ((calls.Calls.Length == 0 && calls.RtpPortsInUse == 0) || DateTime.UtcNow > deadline)
            {
                return calls;
            }

            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_twilio is not null)
        {
            await _twilio.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static (int, int) NextRtpRange()
    {
        var first = RtpRangeBase + (Interlocked.Increment(ref _servers) - 1) * RtpPortsPerServer;
        return (first, first + RtpPortsPerServer - 1);
    }
}
