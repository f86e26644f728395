using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Media.Sessions;

namespace Switchboard.Benchmarks.Clock;

/// <summary>The media-clock load test (<c>-- media-clock CALLS SECONDS</c>): CALLS <see cref="RtpSession"/>s, each with its own RTP port
/// pair and a looping prompt, send 20 ms µ-law packets (50 per second) over loopback, all paced by one <see cref="MediaClock"/>. Prints the
/// lateness of sends (p50/p99/p99.9) and the CPU used per 1,000 calls.</summary>
internal static class MediaClockLoad
{
    private const int Ptime = 20;

    public static void Run(int calls, int seconds, TextWriter output)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        sink.ReceiveBufferSize = 8 << 20;
        var received = 0L;
        var drain = new Thread(() =>
        {
            var buffer = new byte[2048];
            try
            {
                while (true)
                {
                    sink.Receive(buffer);
                    Interlocked.Increment(ref received);
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        })
        { IsBackground = true };
        drain.Start();

        var allocator = new RtpPortAllocator(new RtpPortRange(30000, 30000 + (4 * calls) + 999), IPAddress.Loopback);
        var prompt = new AudioClip("load", Tones.Sines(TimeSpan.FromSeconds(1), (440, -13), (620, -16)));
        using var clock = new MediaClock((_, e) => output.WriteLine($"stream failed: {e.Message}"));
        var target = (IPEndPoint)sink.LocalEndPoint!;
        var audio = new NegotiatedAudio
        {
            MediaIndex = 0,
            Codec = AudioCodec.Pcmu,
            PayloadType = 0,
            TelephoneEventPayloadType = 101,
            PtimeMs = Ptime,
            Direction = MediaDirection.SendRecv,
            RemoteRtp = target,
            RemoteRtcp = target,
        };
        var sessions = new List<RtpSession>();
        for (var i = 0; i < calls; i++)
        {
            var session = RtpSession.Open(allocator, clock, new RtpSessionOptions { SymmetricRtp = false });
            session.Start(audio);
            _ = session.PlayAsync(AudioSources.Loop(prompt.Play));
            sessions.Add(session);
        }

        Thread.Sleep(2000);
        clock.Lateness.Reset();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var receivedBefore = Interlocked.Read(ref received);
        Thread.Sleep(seconds * 1000);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var elapsed = wall.Elapsed;
        var packets = Interlocked.Read(ref received) - receivedBefore;

        Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask())).GetAwaiter().GetResult();
        var cores = cpu / elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {calls} | {clock.Lateness.Count / elapsed.TotalSeconds:F0} | {packets / elapsed.TotalSeconds:F0} | " +
            $"{clock.Lateness.Percentile(0.5).TotalMilliseconds:F2} | {clock.Lateness.Percentile(0.99).TotalMilliseconds:F2} | " +
            $"{clock.Lateness.Percentile(0.999).TotalMilliseconds:F2} | {cores * 100:F1} % | {cores * 100 * 1000 / calls:F1} % |"));
    }
}
