using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Dtmf;
using Switchboard.Media.Tests.Rtp;
using Switchboard.Testing;

namespace Switchboard.Media.Tests.Sessions;

/// <summary>SIPp as the caller: its offers are answered by <see cref="OfferAnswerSession"/> and the media it then sends
/// (RFC 4733 keys from play_dtmf, the A-law speech and key captures of its built-in uac_pcap scenario) reach an
/// <see cref="RtpSession"/>. The test answers the SIP side with a few lines of text; SIP itself is not tested here.</summary>
[Trait("Category", Categories.Interop)]
public sealed class SippCallerTests : IDisposable
{
    private const string Captures = "/usr/share/sip-tester";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly string _folder = Directory.CreateTempSubdirectory("switchboard-sipp-").FullName;

    public void Dispose()
    {
        _clock.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Sipps_play_dtmf_offer_is_answered_on_96_without_no_op_and_each_key_it_sends_arrives_once()
    {
        var (ports, _) = LoopbackPorts.Allocator(1);
        await using var media = RtpSession.Open(ports, _clock, new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) });
        List<DtmfEvent> keys = [];

        var (offer, result) = await TakeCallAsync(
            ["-sf", Path.Combine(AppContext.BaseDirectory, "Sessions", "Sipp", "play-dtmf.xml")], media,
            async () => keys = await MediaTesting.ReadAsync(media.Digits, 12));

        Assert.Equal(["0", "96", "97"], offer.Media[0].Formats);
        Assert.Equal(["0", "96"], result.Answer!.Media[0].Formats);
        Assert.Equal(96, result.Audio!.TelephoneEventPayloadType);
        Assert.Equal(
            ["1 Started 0", "1 Ended 200", "5 Started 0", "5 Ended 200", "9 Started 0", "9 Ended 200",
             "0 Started 0", "0 Ended 200", "* Started 0", "* Ended 200", "# Started 0", "# Ended 200"],
            keys.Select(Rfc4733ReceiverTests.Describe));
        Assert.All(keys, k => Assert.Equal(DtmfSource.Rfc4733, k.Source));
        Assert.Equal(0, media.Rejected);
        Assert.Equal(result.Audio.RemoteRtp, media.RemoteEndPoint);
    }

    [Fact]
    public async Task Sipps_uac_pcap_call_is_answered_in_a_law_and_its_speech_and_key_captures_are_heard_exactly()
    {
        Assert.True(File.Exists(Path.Combine(Captures, "g711a.pcap")), $"{Captures} is missing: install Debian's sip-tester (tests/setup/40-sipp.sh)");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "pcap"), Captures);
        var speech = PcapFile.ReadUdp(Path.Combine(Captures, "g711a.pcap")).Select(p => Payload(p.Payload)).ToArray();
        var expected = speech.SelectMany(p =>
        {
            var decoded = new short[p.Length];
            ALaw.Decode(p, decoded);
            return decoded;
        }).ToArray();
        var heard = new AudioCollector(expected.Length);
        var (ports, _) = LoopbackPorts.Allocator(1);
        await using var media = RtpSession.Open(ports, _clock, new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) });
        media.Sink = heard;
        List<DtmfEvent> keys = [];

        var (_, result) = await TakeCallAsync(["-sn", "uac_pcap"], media, async () =>
        {
            await heard.Enough.WaitAsync(Patience);
            keys = await MediaTesting.ReadAsync(media.Digits, 2);
        });

        Assert.Equal((AudioCodec.Pcma, 8, 101), (result.Audio!.Codec, result.Audio.PayloadType, result.Audio.TelephoneEventPayloadType));
        Assert.Equal(expected, heard.Samples[..expected.Length]);
        Assert.Equal(["1 Started 0", "1 Ended 280"], keys.Select(Rfc4733ReceiverTests.Describe));
        var statistics = media.Statistics!;
        Assert.Equal((speech.Length, 0), (statistics.Received, statistics.CumulativeLost));
        Assert.Equal(0, media.Rejected);
    }

    // Runs SIPp with the scenario against a responder on loopback that answers the INVITE's offer for `media`, keeps the
    // call up while `whileUp` runs, and accepts SIPp's BYE; checks SIPp saw a successful call.
    private async Task<(SessionDescription Offer, OfferAnswerResult Result)> TakeCallAsync(string[] scenario, RtpSession media, Func<Task> whileUp)
    {
        using var signalling = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        signalling.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sipp = StartSipp([.. scenario, "-m", "1", "-i", "127.0.0.1", "-nostdin", "-timeout", "40s", "-timeout_error",
            $"127.0.0.1:{((IPEndPoint)signalling.LocalEndPoint!).Port}"]);
        var output = Task.WhenAll(sipp.StandardOutput.ReadToEndAsync(), sipp.StandardError.ReadToEndAsync());
        try
        {
            var invite = await ReceiveAsync(signalling, "INVITE");
            var parsed = SdpParser.Parse(Encoding.UTF8.GetBytes(invite.Body));
            Assert.True(parsed.IsComplete, parsed.Error);
            var result = new OfferAnswerSession(new OfferAnswerOptions(), IPAddress.Loopback, 7).Answer(parsed.Description!, media.LocalPort);
            Assert.True(result.IsAccepted, result.Error);
            media.Start(result.Audio!);
            var ok = Response(invite, SdpWriter.Write(result.Answer!));
            await signalling.SendToAsync(ok, invite.From);
            await ReceiveAsync(signalling, "ACK", resend: (ok, invite.From));
            await whileUp();
            var bye = await ReceiveAsync(signalling, "BYE");
            await signalling.SendToAsync(Response(bye, body: null), bye.From);

            using var timeout = new CancellationTokenSource(Patience);
            await sipp.WaitForExitAsync(timeout.Token);
            var printed = await output;
            Assert.True(sipp.ExitCode == 0, $"sipp exited with {sipp.ExitCode}: {string.Concat(printed)}");
            return (parsed.Description!, result);
        }
        finally
        {
            if (!sipp.HasExited)
            {
                sipp.Kill();
            }
        }
    }

    private Process StartSipp(string[] arguments)
    {
        var start = new ProcessStartInfo("sipp") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("sipp is missing: install Debian's sip-tester (./test.sh does, via tests/setup/40-sipp.sh)", e);
        }
    }

    private static byte[] Payload(byte[] datagram)
    {
        Assert.Null(RtpPacket.TryRead(datagram, out _, out var payload));
        return payload.ToArray();
    }

    // The next request with that method; on the way, a retransmitted INVITE gets the answer again.
    private static async Task<Request> ReceiveAsync(Socket signalling, string method, (byte[] Message, EndPoint To)? resend = null)
    {
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var received = await signalling.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
            var request = Request.Read(Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes), received.RemoteEndPoint);
            if (request.Method == method)
            {
                return request;
            }

            if (request.Method == "INVITE" && resend is { } again)
            {
                await signalling.SendToAsync(again.Message, again.To);
            }
        }
    }

    private static byte[] Response(Request request, string? body)
    {
        var response = new StringBuilder("SIP/2.0 200 OK\r\n");
        foreach (var name in new[] { "Via", "From", "To", "Call-ID", "CSeq" })
        {
            var value = request.Header(name);
            response.Append(name).Append(": ").Append(value);
            if (name == "To" && !value.Contains("tag=", StringComparison.Ordinal))
            {
                response.Append(";tag=media-test");
            }

            response.Append("\r\n");
        }

        response.Append("Contact: <sip:media-test@127.0.0.1>\r\n");
        if (body is not null)
        {
            response.Append("Content-Type: application/sdp\r\n");
        }

        body ??= "";
        response.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body)).Append("\r\n\r\n").Append(body);
        return Encoding.UTF8.GetBytes(response.ToString());
    }

    /// <summary>A SIP request as SIPp writes it: one header per line, the body after the blank line.</summary>
    private sealed record Request(string Method, string[] Headers, string Body, EndPoint From)
    {
        public static Request Read(string text, EndPoint from)
        {
            var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var lines = text[..split].Split("\r\n");
            return new Request(lines[0].Split(' ')[0], lines[1..], text[(split + 4)..], from);
        }

        public string Header(string name) =>
            Headers.First(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))[(name.Length + 1)..].Trim();
    }
}
