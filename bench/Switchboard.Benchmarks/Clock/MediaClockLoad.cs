using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;

namespace Switchboard.Benchmarks.Clock;

/// <summary>The media-clock load test (<c>-- media-clock CALLS SECONDS</c>): CALLS calls, each with its own RTP port
/// pair, send 20 ms µ-law packets (50 per second) over loopback, all paced by one <see cref="MediaClock"/>. Prints the
/// lateness of sends (p50/p99/p99.9) and the CPU used per 1,000 calls.</summary>
internal static class MediaClockLoad
{
    private const int Ptime = 20;
    private const int Samples = 8 * Ptime;

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
        var senders = Enumerable.Range(0, calls).Select(_ => new Call(allocator.Allocate(), prompt, sink.LocalEndPoint!)).ToList();
        var schedules = senders.Select(s => clock.Schedule(s, TimeSpan.FromMilliseconds(Ptime))).ToList();

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

        schedules.ForEach(s => s.Dispose());
        senders.ForEach(s => s.Dispose());
        var cores = cpu / elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {calls} | {clock.Lateness.Count / elapsed.TotalSeconds:F0} | {packets / elapsed.TotalSeconds:F0} | " +
            $"{clock.Lateness.Percentile(0.5).TotalMilliseconds:F2} | {clock.Lateness.Percentile(0.99).TotalMilliseconds:F2} | " +
            $"{clock.Lateness.Percentile(0.999).TotalMilliseconds:F2} | {cores * 100:F1} % | {cores * 100 * 1000 / calls:F1} % |"));
    }

    /// <summary>One call's outgoing stream: next 20 ms of its prompt, µ-law, RTP header, one send; buffers reused for the call's life.</summary>
    private sealed class Call : IPacedSender, IDisposable
    {
        private readonly RtpPorts _ports;
        private readonly IAudioSource _audio;
        private readonly RtpSequencer _sequencer = new();
        private readonly short[] _frame = new short[Samples];
        private readonly byte[] _payload = new byte[Samples];
        private readonly byte[] _packet = new byte[RtpPacket.HeaderSize + Samples];

        public Call(RtpPorts ports, AudioClip prompt, EndPoint destination)
        {
            _ports = ports;
            _audio = AudioSources.Loop(prompt.Play);
            ports.Rtp.Connect(destination);
        }

        public void Tick(long due)
        {
            _audio.Read(_frame);
            MuLaw.Encode(_frame, _payload);
            var length = RtpPacket.Write(_sequencer.Next(0, Samples), _payload, _packet);
            _sequencer.Advance(Samples);
            _ports.Rtp.Send(_packet.AsSpan(0, length));
        }

        public void Dispose() => _ports.Dispose();
    }
}
