using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;
using Switchboard.Media.Tests.Dtmf;
using Switchboard.Media.Tests.Rtp;

namespace Switchboard.Media.Tests.Sessions;

public sealed class RtpSessionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly RtpSessionOptions Quiet = new() { SilenceWhenIdle = false };
    private readonly MediaClock _clock = new((_, e) => throw e, threads: 1);
    private readonly RtpPortAllocator _ports;
    private readonly RtpPortRange _range;

    public RtpSessionTests() => (_ports, _range) = LoopbackPorts.Allocator(4);

    public void Dispose() => _clock.Dispose();

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public async Task Two_sessions_hear_each_others_prompts_exactly_as_g711_carries_them(AudioCodec codec)
    {
        await using var a = RtpSession.Open(_ports, _clock, Quiet);
        await using var b = RtpSession.Open(_ports, _clock, Quiet);
        var toB = MediaTesting.Noise(1600, 1);
        var toA = MediaTesting.Noise(800, 2);
        var heardByB = new AudioCollector(toB.Length);
        var heardByA = new AudioCollector(toA.Length);
        (a.Sink, b.Sink) = (heardByA, heardByB);
        a.Start(MediaTesting.Audio(b.LocalEndPoint, codec));
        b.Start(MediaTesting.Audio(a.LocalEndPoint, codec));

        var played = await Task.WhenAll(a.PlayAsync(new AudioClip("a", toB).Play()), b.PlayAsync(new AudioClip("b", toA).Play())).WaitAsync(Patience);
        await Task.WhenAll(heardByA.Enough, heardByB.Enough).WaitAsync(Patience);

        Assert.Equal([PlaybackEnd.Finished, PlaybackEnd.Finished], played);
        Assert.Equal(MediaTesting.ThroughG711(codec, toB), heardByB.Samples);
        Assert.Equal(MediaTesting.ThroughG711(codec, toA), heardByA.Samples);
        Assert.Equal(10, b.Statistics!.Received);
        Assert.Equal(0, b.Statistics.CumulativeLost);
        await MediaTesting.Eventually(() => _clock.SendLateness.Count == 15, "each of the 10 + 5 packets sent was timed against its due instant");
    }

    [Fact]
    public async Task Sessions_on_ipv6_loopback_carry_audio_keys_and_reports()
    {
        var (ports, _) = LoopbackPorts.Allocator(2, IPAddress.IPv6Loopback);
        var options = new RtpSessionOptions { RtcpInterval = TimeSpan.FromMilliseconds(100), TelephoneEventTimeout = TimeSpan.FromSeconds(3) };
        await using var a = RtpSession.Open(ports, _clock, options);
        await using var b = RtpSession.Open(ports, _clock, options);
        var sent = MediaTesting.Noise(800, 6);
        var heard = new AudioCollector(sent.Length);
        b.Sink = heard;
        a.Start(MediaTesting.Audio(b.LocalEndPoint));
        b.Start(MediaTesting.Audio(a.LocalEndPoint));

        await a.PlayAsync(new AudioClip("v6", sent).Play()).WaitAsync(Patience);
        a.SendDigit('6', TimeSpan.FromMilliseconds(60));
        var keys = await MediaTesting.ReadAsync(b.Digits, 2);
        await MediaTesting.Eventually(() => b.LastRemoteReport is { Sender: not null }, "b heard a's sender report");

        Assert.Equal(IPAddress.IPv6Loopback, a.LocalEndPoint.Address);
        Assert.Equal(a.LocalEndPoint, b.RemoteEndPoint);
        Assert.Equal(["6 Started 0", "6 Ended 60"], keys.Select(Rfc4733ReceiverTests.Describe));
        var expected = MediaTesting.ThroughG711(AudioCodec.Pcmu, sent);
        await MediaTesting.Eventually(() => heard.Samples.AsSpan().IndexOf(expected) >= 0, "b heard the whole prompt (after the idle silence)");
    }

    [Fact]
    public async Task A_re_invite_that_drops_telephone_event_turns_the_tone_detector_on_and_one_that_adds_it_turns_it_off()
    {
        await using var a = RtpSession.Open(_ports, _clock, Quiet);
        await using var b = RtpSession.Open(_ports, _clock, Quiet);
        var withEvents = MediaTesting.Audio(a.LocalEndPoint);
        a.Start(MediaTesting.Audio(b.LocalEndPoint, telephoneEvent: null));
        b.Start(withEvents);
        var before = b.DetectsTones;

        b.Update(withEvents with { TelephoneEventPayloadType = null });
        await a.PlayAsync(AudioSources.Sequence(AudioSources.Dtmf('4', TimeSpan.FromMilliseconds(100)), AudioSources.Silence(TimeSpan.FromMilliseconds(100))));
        var keys = await MediaTesting.ReadAsync(b.Digits, 2);
        var during = b.DetectsTones;
        b.Update(withEvents);

        Assert.Equal((false, true, false), (before, during, b.DetectsTones));
        Assert.Equal(["4 Started", "4 Ended"], keys.Select(k => $"{k.Digit} {k.Kind}"));
        Assert.All(keys, k => Assert.Equal(DtmfSource.InBand, k.Source));
    }

    [Fact]
    public async Task A_sink_that_throws_loses_its_frames_but_not_the_calls_audio_or_keys()
    {
        await using var a = RtpSession.Open(_ports, _clock, Quiet);
        await using var b = RtpSession.Open(_ports, _clock, Quiet);
        a.Start(MediaTesting.Audio(b.LocalEndPoint, telephoneEvent: null));
        b.Start(MediaTesting.Audio(a.LocalEndPoint, telephoneEvent: null));
        b.Sink = new ThrowingSink();

        await a.PlayAsync(AudioSources.Sequence(AudioSources.Dtmf('2', TimeSpan.FromMilliseconds(100)), AudioSources.Silence(TimeSpan.FromMilliseconds(100))));
        var keys = await MediaTesting.ReadAsync(b.Digits, 2);
        await MediaTesting.Eventually(() => b.SinkFailures >= 10, "every frame of the tone and the pause reached the failing sink");
        var heard = new AudioCollector(320);
        b.Sink = heard;
        await a.PlayAsync(AudioSources.Silence(TimeSpan.FromMilliseconds(40)));
        await heard.Enough.WaitAsync(Patience);

        Assert.Equal(['2', '2'], keys.Select(k => k.Digit));
    }

    [Fact]
    public async Task Digits_sent_as_telephone_events_arrive_once_as_rfc4733_key_presses()
    {
        var patient = new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromSeconds(3) };
        await using var a = RtpSession.Open(_ports, _clock, patient);
        await using var b = RtpSession.Open(_ports, _clock, patient);
        a.Start(MediaTesting.Audio(b.LocalEndPoint));
        b.Start(MediaTesting.Audio(a.LocalEndPoint));

        a.SendDigit('5', TimeSpan.FromMilliseconds(100));
        a.SendDigit('#', TimeSpan.FromMilliseconds(60));
        var events = await MediaTesting.ReadAsync(b.Digits, 4);

        Assert.Equal(["5 Started 0", "5 Ended 100", "# Started 0", "# Ended 60"], events.Select(Rfc4733ReceiverTests.Describe));
        Assert.All(events, e => Assert.Equal(DtmfSource.Rfc4733, e.Source));
    }

    [Fact]
    public async Task Tones_in_the_audio_are_found_when_the_peer_cannot_send_telephone_events()
    {
        await using var a = RtpSession.Open(_ports, _clock);
        await using var b = RtpSession.Open(_ports, _clock);
        a.Start(MediaTesting.Audio(b.LocalEndPoint, telephoneEvent: null));
        b.Start(MediaTesting.Audio(a.LocalEndPoint, telephoneEvent: null));

        await a.PlayAsync(AudioSources.Sequence(AudioSources.Dtmf('7', TimeSpan.FromMilliseconds(100)), AudioSources.Silence(TimeSpan.FromMilliseconds(100))));
        var events = await MediaTesting.ReadAsync(b.Digits, 2);

        Assert.Equal(['7', '7'], events.Select(e => e.Digit));
        Assert.Equal([DtmfEventKind.Started, DtmfEventKind.Ended], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(DtmfSource.InBand, e.Source));
    }

    [Fact]
    public async Task A_sipp_dtmf_capture_replayed_at_the_session_gives_its_key_and_latches_the_sender()
    {
        using var peer = Peer();
        var capture = PcapFile.ReadUdp(Rfc4733ReceiverTests.SippCapture("9"));
        RtpPacket.TryRead(capture[0].Payload, out var first, out _);
        await using var session = RtpSession.Open(_ports, _clock);
        session.Start(MediaTesting.Audio(new IPEndPoint(IPAddress.Loopback, 9), telephoneEvent: first.PayloadType));

        foreach (var (_, payload) in capture)
        {
            await peer.SendToAsync(payload, session.LocalEndPoint);
        }

        var events = await MediaTesting.ReadAsync(session.Digits, 2);
        Assert.Equal(["9 Started 0", "9 Ended 280"], events.Select(Rfc4733ReceiverTests.Describe));
        Assert.Equal(peer.LocalEndPoint, session.RemoteEndPoint);
    }

    [Fact]
    public async Task Payload_types_outside_the_answer_such_as_sipps_no_op_and_comfort_noise_are_ignored()
    {
        using var peer = Peer();
        await using var session = RtpSession.Open(_ports, _clock, Quiet);
        var heard = new AudioCollector(8 * 160);
        session.Sink = heard;
        session.Start(MediaTesting.Audio((IPEndPoint)peer.LocalEndPoint!));
        var frames = Enumerable.Range(0, 9).Select(i => MediaTesting.Noise(160, 40 + i)).ToArray();
        var buffer = new byte[1500];

        foreach (var (sequence, payloadType) in new (ushort, byte)[] { (1, 0), (2, 0), (3, 0), (4, 97), (5, 13), (6, 0), (7, 0), (8, 0) })
        {
            var length = RtpPacket.Write(new RtpHeader(payloadType, sequence, sequence * 160u, 0xFEED), [], buffer);
            var payload = payloadType == 0 ? 160 : 4;
            if (payloadType == 0)
            {
                AudioCodec.Pcmu.Encode(frames[sequence], buffer.AsSpan(length, 160));
            }
            else
            {
                buffer.AsSpan(length, payload).Fill(0x11);
            }

            await peer.SendToAsync(buffer.AsMemory(0, length + payload), session.LocalEndPoint);
        }

        await heard.Enough.WaitAsync(Patience);
        var decoded = frames.Select(f => MediaTesting.ThroughG711(AudioCodec.Pcmu, f)).ToArray();
        string Name(short[] frame) => frame.All(s => s == 0) ? "_" : $"{Array.FindIndex(decoded, d => d.AsSpan().SequenceEqual(frame))}";
        Assert.Equal(["1", "2", "3", "_", "_", "6", "7", "8"], heard.Samples.Chunk(160).Select(Name));
        Assert.Equal(0, session.Rejected);
        Assert.False(session.Digits.TryRead(out _));
    }

    [Fact]
    public async Task Telephone_events_on_an_ssrc_of_their_own_are_heard_beside_the_voice_stream()
    {
        using var peer = Peer();
        await using var session = RtpSession.Open(_ports, _clock, Quiet with { TelephoneEventTimeout = TimeSpan.FromSeconds(3) });
        session.Start(MediaTesting.Audio((IPEndPoint)peer.LocalEndPoint!));
        var buffer = new byte[1500];

        for (ushort i = 0; i < 6; i++)
        {
            var length = RtpPacket.Write(new RtpHeader(0, (ushort)(100 + i), i * 160u, 0xFEED), [], buffer);
            buffer.AsSpan(length, 160).Fill(0xFF);
            await peer.SendToAsync(buffer.AsMemory(0, length + 160), session.LocalEndPoint);
            var ends = i >= 3;
            length = RtpPacket.Write(new RtpHeader(101, (ushort)(7000 + i), 48000, 0xBEEF, Marker: i == 0), [], buffer);
            new TelephoneEvent(4, ends, 10, (ushort)(Math.Min(i + 1, 3) * 160)).Write(buffer.AsSpan(length));
            await peer.SendToAsync(buffer.AsMemory(0, length + TelephoneEvent.Size), session.LocalEndPoint);
        }

        var keys = await MediaTesting.ReadAsync(session.Digits, 2);

        Assert.Equal(["4 Started 0", "4 Ended 60"], keys.Select(Rfc4733ReceiverTests.Describe));
        await MediaTesting.Eventually(() => session.Statistics is { Ssrc: 0xFEED, Received: 6 }, "the voice stream's statistics counted its own six packets");
    }

    [Fact]
    public async Task A_recorder_as_the_sink_keeps_what_the_caller_said_and_stops_when_they_fall_silent()
    {
        await using var caller = RtpSession.Open(_ports, _clock);
        await using var recording = RtpSession.Open(_ports, _clock, Quiet);
        var recorder = new WavRecorder(new RecordingOptions { EndOnSilence = TimeSpan.FromMilliseconds(200) });
        var speech = Tones.Sines(TimeSpan.FromMilliseconds(300), (300, -20), (1100, -25));
        recording.Sink = recorder;
        caller.Start(MediaTesting.Audio(recording.LocalEndPoint));
        recording.Start(MediaTesting.Audio(caller.LocalEndPoint));

        await caller.PlayAsync(new AudioClip("speech", speech).Play()).WaitAsync(Patience);
        var end = await recorder.Completion.WaitAsync(Patience);

        Assert.Equal(RecordingEnd.Silence, end);
        var recorded = recorder.Samples.ToArray();
        Assert.Equal(MediaTesting.ThroughG711(AudioCodec.Pcmu, speech), recorded[^speech.Length..]);
        Assert.All(recorded[..^speech.Length], s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task Keys_from_sip_info_join_the_calls_key_stream()
    {
        await using var session = RtpSession.Open(_ports, _clock, Quiet);
        session.Start(MediaTesting.Audio(new IPEndPoint(IPAddress.Loopback, 9)));

        session.AcceptSipInfo('8', TimeSpan.FromMilliseconds(160));
        var keys = await MediaTesting.ReadAsync(session.Digits, 2);

        Assert.Equal(["8 Started 0", "8 Ended 160"], keys.Select(Rfc4733ReceiverTests.Describe));
        Assert.All(keys, k => Assert.Equal(DtmfSource.SipInfo, k.Source));
    }

    [Fact]
    public async Task A_key_whose_end_packets_were_all_lost_is_ended_by_the_media_clock_after_the_timeout()
    {
        using var peer = Peer();
        await using var session = RtpSession.Open(_ports, _clock, new RtpSessionOptions { TelephoneEventTimeout = TimeSpan.FromMilliseconds(200) });
        session.Start(MediaTesting.Audio(new IPEndPoint(IPAddress.Loopback, 9), telephoneEvent: 101));
        var withoutEnds = PcapFile.ReadUdp(Rfc4733ReceiverTests.SippCapture("3")).Where(p =>
        {
            RtpPacket.TryRead(p.Payload, out _, out var payload);
            TelephoneEvent.TryRead(payload, out var e);
            return !e.End;
        });

        foreach (var (_, payload) in withoutEnds)
        {
            await peer.SendToAsync(payload, session.LocalEndPoint);
        }

        var keys = await MediaTesting.ReadAsync(session.Digits, 2);

        Assert.Equal(["3 Started 0", "3 Ended 240"], keys.Select(Rfc4733ReceiverTests.Describe));
    }

    [Fact]
    public async Task One_ssrc_runs_across_source_changes_with_a_marker_at_each_talk_spurt()
    {
        using var peer = Peer();
        await using var session = RtpSession.Open(_ports, _clock, Quiet);
        session.Start(MediaTesting.Audio((IPEndPoint)peer.LocalEndPoint!));

        await session.PlayAsync(new AudioClip("one", MediaTesting.Noise(480, 3)).Play());
        await Task.Delay(100);
        var second = session.PlayAsync(new AudioClip("two", MediaTesting.Noise(320, 4)).Play());
        var third = session.PlayAsync(new AudioClip("three", MediaTesting.Noise(320, 5)).Play());
        var headers = (await ReceiveAsync(peer, 5)).ConvertAll(p => p.Header);

        Assert.Equal(PlaybackEnd.Replaced, await second);
        Assert.Equal(PlaybackEnd.Finished, await third);
        Assert.Single(headers.Select(h => h.Ssrc).Distinct());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (ushort)(headers[0].SequenceNumber + i)), headers.Select(h => h.SequenceNumber));
        Assert.Equal([true, false, false, true, false], headers.Select(h => h.Marker));
        Assert.Equal([160u, 160u], [headers[1].Timestamp - headers[0].Timestamp, headers[2].Timestamp - headers[1].Timestamp]);
        var gap = headers[3].Timestamp - headers[2].Timestamp;
        Assert.True(gap >= 800 && gap % 160 == 0, $"media time ran on through the idle stretch in whole packets, got {gap}");
    }

    [Fact]
    public async Task A_new_offer_answer_holds_then_moves_the_stream_without_breaking_its_numbering()
    {
        using var before = Peer();
        using var after = Peer();
        await using var session = RtpSession.Open(_ports, _clock);
        var agreed = MediaTesting.Audio((IPEndPoint)before.LocalEndPoint!);
        session.Start(agreed);
        var last = (await ReceiveAsync(before, 3))[^1];

        session.Update(agreed with { Direction = MediaDirection.RecvOnly });
        await Task.Delay(100);
        while (before.Available > 0)
        {
            last = (await ReceiveAsync(before, 1))[0];
        }

        await Task.Delay(100);
        Assert.Equal(0, before.Available);
        session.Update(agreed with { RemoteRtp = (IPEndPoint)after.LocalEndPoint!, PtimeMs = 30 });
        var moved = await ReceiveAsync(after, 2);

        Assert.Equal(last.Header.Ssrc, moved[0].Header.Ssrc);
        Assert.Equal((ushort)(last.Header.SequenceNumber + 1), moved[0].Header.SequenceNumber);
        Assert.Equal(240, moved[1].PayloadLength);
        Assert.Equal(240u, moved[1].Header.Timestamp - moved[0].Header.Timestamp);
    }

    [Fact]
    public async Task Reports_flow_both_ways_and_closing_says_goodbye()
    {
        var options = new RtpSessionOptions { RtcpInterval = TimeSpan.FromMilliseconds(100) };
        await using var a = RtpSession.Open(_ports, _clock, options);
        var b = RtpSession.Open(_ports, _clock, options);
        a.Start(MediaTesting.Audio(b.LocalEndPoint));
        b.Start(MediaTesting.Audio(a.LocalEndPoint));

        await MediaTesting.Eventually(() => a.LastRemoteReport is { Sender: not null, Blocks.Count: 1 } && b.LastRemoteReport is { Blocks.Count: 1 }, "both sides sent reports about each other");
        await b.DisposeAsync();
        await a.RemoteBye.WaitAsync(Patience);

        var report = a.LastRemoteReport!;
        Assert.Equal(a.Statistics!.Ssrc, report.Ssrc);
        Assert.Equal(b.Statistics!.Ssrc, report.Blocks[0].Ssrc);
        Assert.Equal(0, report.Blocks[0].CumulativeLost);
    }

    [Fact]
    public async Task Reordered_and_lost_voice_reaches_the_sink_in_order_and_both_sides_reports_carry_the_loss_and_jitter()
    {
        using var peerRtp = Peer();
        using var peerRtcp = Peer();
        var options = Quiet with { RtcpInterval = TimeSpan.FromMilliseconds(100) };
        await using var session = RtpSession.Open(_ports, _clock, options);
        var heard = new AudioCollector(7 * 160);
        session.Sink = heard;
        session.Start(MediaTesting.Audio((IPEndPoint)peerRtp.LocalEndPoint!) with { RemoteRtcp = (IPEndPoint)peerRtcp.LocalEndPoint! });
        var frames = Enumerable.Range(0, 8).Select(i => MediaTesting.Noise(160, 20 + i)).ToArray();
        var buffer = new byte[1500];
        var rtcpTarget = new IPEndPoint(IPAddress.Loopback, session.LocalPort + 1);

        foreach (var sequence in new ushort[] { 1, 3, 2, 5, 6, 7 })
        {
            var length = RtpPacket.Write(new RtpHeader(0, sequence, sequence * 160u, 0xFEED), [], buffer);
            AudioCodec.Pcmu.Encode(frames[sequence], buffer.AsSpan(length, 160));
            await peerRtp.SendToAsync(buffer.AsMemory(0, length + 160), session.LocalEndPoint);
        }

        await heard.Enough.WaitAsync(Patience);
        var ours = await ReceiveReportAsync(peerRtcp, r => r.Blocks is [{ HighestSequenceNumber: 7 }]);
        var aboutUs = new RtcpReportBlock(ours.Ssrc, FractionLost: 64, CumulativeLost: 3, HighestSequenceNumber: 77, Jitter: 80, 0, 0);
        var rr = RtcpPacket.Write(new RtcpReport(0xFEED, null, [aboutUs]), "peer@test", buffer);
        await peerRtcp.SendToAsync(buffer.AsMemory(0, rr), rtcpTarget);

        var decoded = frames.Select(f => MediaTesting.ThroughG711(AudioCodec.Pcmu, f)).ToArray();
        string Name(short[] frame) => frame.All(s => s == 0) ? "_" : $"{Array.FindIndex(decoded, d => d.AsSpan().SequenceEqual(frame))}";
        Assert.Equal(["1", "2", "3", "_", "5", "6", "7"], heard.Samples.Chunk(160).Select(Name));
        Assert.Equal((0xFEEDu, 1), (ours.Blocks[0].Ssrc, ours.Blocks[0].CumulativeLost));
        await MediaTesting.Eventually(() => session.LastRemoteReport is { Blocks: [{ CumulativeLost: 3, FractionLost: 64, Jitter: 80 }] }, "the session took in the peer's receiver report");
    }

    [Fact]
    public async Task Closing_gives_back_ports_and_clock_and_ends_playback_and_digits()
    {
        var session = RtpSession.Open(_ports, _clock);
        session.Start(MediaTesting.Audio(new IPEndPoint(IPAddress.Loopback, 9)));
        var music = session.PlayAsync(AudioSources.RingbackEurope());
        await MediaTesting.Eventually(() => _clock.Count == 1, "the session is on the clock");

        await session.DisposeAsync();
        await session.DisposeAsync();

        Assert.Equal(PlaybackEnd.Closed, await music);
        Assert.Equal(PlaybackEnd.Closed, await session.PlayAsync(AudioSources.Beep()));
        Assert.True(session.Digits.Completion.IsCompleted);
        Assert.Equal(_range.PairCount, _ports.Available);
        await MediaTesting.Eventually(() => _clock.Count == 0, "the clock let the session go (at its next due tick)");
    }

    [Fact]
    public async Task The_call_ending_closes_the_session()
    {
        using var call = new CancellationTokenSource();
        var session = RtpSession.Open(_ports, _clock, cancellation: call.Token);
        session.Start(MediaTesting.Audio(new IPEndPoint(IPAddress.Loopback, 9)));

        await call.CancelAsync();
        await session.Closed.WaitAsync(Patience);

        Assert.Equal(_range.PairCount, _ports.Available);
        await MediaTesting.Eventually(() => _clock.Count == 0, "the clock let the session go (at its next due tick)");
    }

    [Fact]
    public async Task A_session_that_fails_to_start_still_gives_back_its_ports()
    {
        var failed = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await using var session = RtpSession.Open(_ports, _clock);
            session.Start(MediaTesting.Audio(new IPEndPoint(IPAddress.Loopback, 9), ptimeMs: 5));
        });

        Assert.Contains("audio", failed.ParamName, StringComparison.Ordinal);
        Assert.Equal(_range.PairCount, _ports.Available);
        await MediaTesting.Eventually(() => _clock.Count == 0, "the clock let the session go (at its next due tick)");
    }

    [Fact]
    public async Task A_source_that_throws_fails_its_playback_but_not_the_call()
    {
        var session = RtpSession.Open(_ports, _clock);
        session.Start(MediaTesting.Audio(new IPEndPoint(IPAddress.Loopback, 9)));

        var broken = await Assert.ThrowsAsync<InvalidDataException>(() => session.PlayAsync(new Broken()).WaitAsync(Patience));
        var next = await session.PlayAsync(AudioSources.Silence(TimeSpan.FromMilliseconds(40))).WaitAsync(Patience);
        await session.DisposeAsync();

        Assert.Equal("corrupt prompt", broken.Message);
        Assert.Equal(PlaybackEnd.Finished, next);
        Assert.Equal(_range.PairCount, _ports.Available);
        await MediaTesting.Eventually(() => _clock.Count == 0, "the clock let the session go (at its next due tick)");
    }

    private static Socket Peer()
    {
        var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return peer;
    }

    private static async Task<List<(RtpHeader Header, int PayloadLength)>> ReceiveAsync(Socket peer, int count)
    {
        var packets = new List<(RtpHeader, int)>();
        var buffer = new byte[1500];
        using var timeout = new CancellationTokenSource(Patience);
        while (packets.Count < count)
        {
            var length = await peer.ReceiveAsync(buffer, timeout.Token);
            Assert.Null(RtpPacket.TryRead(buffer.AsSpan(0, length), out var header, out var payload));
            packets.Add((header, payload.Length));
        }

        return packets;
    }

    private static async Task<RtcpReport> ReceiveReportAsync(Socket peer, Func<RtcpReport, bool> wanted)
    {
        var buffer = new byte[1500];
        var reports = new List<RtcpReport>();
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var length = await peer.ReceiveAsync(buffer, timeout.Token);
            reports.Clear();
            Assert.Null(RtcpPacket.TryRead(buffer.AsSpan(0, length), reports, out _));
            if (reports.FirstOrDefault(wanted) is { } report)
            {
                return report;
            }
        }
    }

    private sealed class ThrowingSink : IAudioSink
    {
        public void Write(ReadOnlySpan<short> frame) => throw new IOException("disk full");
    }

    private sealed class Broken : IAudioSource
    {
        public int Read(Span<short> destination) => throw new InvalidDataException("corrupt prompt");
    }
}
