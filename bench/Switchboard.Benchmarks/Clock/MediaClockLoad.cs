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
/// lateness of sends (p50/p99/p99.9: due instant to the return of the packet's send call), the CPU used with and without the
/// benchmark's own receiving socket (which a real peer would carry), per 1,000 calls, and what the process allocated.</summary>
internal static class MediaClockLoad
{
    private const int Ptime = 20;

    // Long enough for tiered compilation to replace the first, instrumented code of the send path even on a loaded machine.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(8);

    public static void Run(int calls, int seconds, ClockPriority priority, TextWriter output)
    {
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        sink.ReceiveBufferSize = 8 << 20;
        var received = 0L;
        var drainCpu = TimeSpan.Zero;
        var drainCpuAtStart = TimeSpan.Zero;
        var measuring = 0;
        var drain = new Thread(() =>
        {
            var buffer = new byte[2048];
            try
            {
                while (true)
                {
                    sink.Receive(buffer);
                    Interlocked.Increment(ref received);
                    switch (Volatile.Read(ref measuring))
                    {
                        case 1 when drainCpuAtStart == TimeSpan.Zero:
                            drainCpuAtStart = ThreadCpu.Current();
                            break;
                        case 2 when drainCpu == TimeSpan.Zero:
                            drainCpu = ThreadCpu.Current() - drainCpuAtStart;
                            break;
                    }
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
        using var clock = new MediaClock((_, e) => output.WriteLine($"stream failed: {e.Message}"), new MediaClockOptions { Priority = priority });
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

        Thread.Sleep(WarmUp);
        clock.SendLateness.Reset();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = GC.CollectionCount(0);
        Volatile.Write(ref measuring, 1);
        var wall = Stopwatch.StartNew();
        var receivedBefore = Interlocked.Read(ref received);
        Thread.Sleep(seconds * 1000);
        Volatile.Write(ref measuring, 2);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var elapsed = wall.Elapsed;
        var packets = Interlocked.Read(ref received) - receivedBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var lateness = clock.SendLateness;
        var (sends, p50, p99, p999) = (lateness.Count, lateness.Percentile(0.5), lateness.Percentile(0.99), lateness.Percentile(0.999));
        Thread.Sleep(100);

        Task.WhenAll(sessions.Select(s => s.DisposeAsync().AsTask())).GetAwaiter().GetResult();
        var cores = cpu / elapsed;
        var media = (cpu - drainCpu) / elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {calls} | {clock.Priority} | {sends / elapsed.TotalSeconds:F0} | {packets / elapsed.TotalSeconds:F0} | " +
            $"{p50.TotalMilliseconds:F2} | {p99.TotalMilliseconds:F2} | {p999.TotalMilliseconds:F2} | {cores * 100:F1} % | {media * 100:F1} % | {media * 100 * 1000 / calls:F1} % | " +
            $"{allocated / elapsed.TotalSeconds / 1024:F0} KB/s, {collections} GCs |"));
    }
}
