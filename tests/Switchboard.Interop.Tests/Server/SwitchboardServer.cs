using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Switchboard.Testing.Processes;

namespace Switchboard.Interop.Tests.Server;

/// <summary>
/// The real server: <c>switchboard run --config FILE</c> as its own process (the build next to these tests), with the SIP and
/// HTTP addresses it printed when it started listening.
/// </summary>
public sealed partial class SwitchboardServer : IAsyncDisposable
{
    private const string SipListening = "SIP listening on ";
    private const string HttpListening = "HTTP listening on ";
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly ExternalProcess _process;
    private readonly HttpClient _http;

    private SwitchboardServer(ExternalProcess process, IReadOnlyList<(string Transport, IPEndPoint EndPoint)> sip, Uri http)
    {
        _process = process;
        SipUdp = sip.First(s => s.Transport == "udp").EndPoint;
        SipTcp = sip.First(s => s.Transport == "tcp").EndPoint;
        _http = new HttpClient { BaseAddress = http, Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Where SIP listens over UDP.</summary>
    public IPEndPoint SipUdp { get; }

    /// <summary>Where SIP listens over TCP.</summary>
    public IPEndPoint SipTcp { get; }

    /// <summary>Starts the server on <paramref name="configFile"/> and waits until it says where SIP and HTTP listen.</summary>
    public static async Task<SwitchboardServer> StartAsync(string configFile, IReadOnlyDictionary<string, string> environment)
    {
        var process = ExternalProcess.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "switchboard.dll"), "run", "--config", configFile],
            "the .NET SDK (global.json)", environment: environment);
        try
        {
            var sipLine = await process.WaitForLineAsync(l => l.Contains(SipListening, StringComparison.Ordinal), StartLimit, "say where SIP listens");
            var httpLine = await process.WaitForLineAsync(l => l.Contains(HttpListening, StringComparison.Ordinal), StartLimit, "say where HTTP listens");
            var sip = sipLine[(sipLine.IndexOf(SipListening, StringComparison.Ordinal) + SipListening.Length)..]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(ParseSipAddress)
                .ToList();
            var http = HttpAddress().Match(httpLine);
            return new SwitchboardServer(process, sip, new Uri(http.Value));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>The calls the server holds now and the RTP ports they use (<c>GET /calls</c>).</summary>
    public async Task<ActiveCalls> GetCallsAsync() =>
        await _http.GetFromJsonAsync<ActiveCalls>("calls") ?? throw new InvalidOperationException("GET /calls answered null.");

    /// <summary>The server's log so far.</summary>
    public IReadOnlyList<string> Log => _process.Lines;

    /// <summary>The log lines written after the first <paramref name="mark"/> (a count of <see cref="Log"/> taken earlier).</summary>
    public IReadOnlyList<string> LogSince(int mark) => [.. Log.Skip(mark)];

    /// <summary>The keys the server logged after <paramref name="mark"/>, in order, each with how it came (e.g. <c>Rfc4733</c>).</summary>
    public IReadOnlyList<(char Key, string Source)> KeysSince(int mark) =>
        [.. LogSince(mark).Select(l => KeyLine().Match(l)).Where(m => m.Success).Select(m => (m.Groups[1].Value[0], m.Groups[2].Value))];

    /// <summary>Stops the server the way an operator does (SIGTERM), and kills it if it does not stop in time.</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.StopAsync(TimeSpan.FromSeconds(15));
        await _process.DisposeAsync();
    }

    private static (string Transport, IPEndPoint EndPoint) ParseSipAddress(string text)
    {
        // "udp:127.0.0.1:40312" (IPv6 would be in brackets; the tests listen on 127.0.0.1 only).
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return (text[..colon], IPEndPoint.Parse(text[(colon + 1)..]));
    }

    [GeneratedRegex(@"Key (.) \((\w+)\)")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"http://[^\s]+")]
    private static partial Regex HttpAddress();
}
