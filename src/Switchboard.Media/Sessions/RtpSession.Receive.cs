using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Sessions;

/// <summary>The receiving half: one async loop per socket (no thread per call) sorting RTP into voice and telephone events
/// by the agreed payload types, and reading the peer's RTCP reports and BYE.</summary>
public sealed partial class RtpSession
{
    private readonly Lock _receiveLock = new();
    private RtpReceiveStatistics? _statistics;
    private Rfc4733Receiver? _eventReceiver;
    private RtcpReport? _lastReport;
    private long _rejected;
    private long _sinkFailures;
    private IAudioSink? _failedSink;
    private DtmfDetector? _detector;
    private IPEndPoint? _settledSource;
    private int _settledSignal;

    /// <summary>Statistics of the peer's stream (null until its first packet).</summary>
    public RtpReceiveStatistics? Statistics
    {
        get
        {
            lock (_receiveLock)
            {
                return _statistics;
            }
        }
    }

    /// <summary>The last RTCP SR or RR the peer sent (null until one came).</summary>
    public RtcpReport? LastRemoteReport
    {
        get
        {
            lock (_receiveLock)
            {
                return _lastReport;
            }
        }
    }

    /// <summary>Voice packets that arrived too late to be put back in order (after the jitter buffer gave up on them).</summary>
    public long LatePackets => _jitter.Late;

    /// <summary>Received frames the <see cref="Sink"/> threw on (they were dropped; receiving went on).</summary>
    public long SinkFailures => Interlocked.Read(ref _sinkFailures);

    /// <summary>Datagrams thrown away as not RTP or RTCP.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    private async Task ReceiveRtpAsync(CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        var decoded = ArrayPool<short>.Shared.Rent(MaxDatagram);
        var sources = new SourceCache(_ports.Rtp.AddressFamily);
        try
        {
            while (await ReceiveAsync(_ports.Rtp, buffer, sources.Address, cancellation).ConfigureAwait(false) is var length and >= 0)
            {
                ReceiveRtp(Volatile.Read(ref _audio)!, buffer.AsSpan(0, length), sources.Source(), decoded);
            }
        }
        finally
        {
            _jitter.Flush();
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<short>.Shared.Return(decoded);
        }
    }

    private void ReceiveRtp(NegotiatedAudio audio, ReadOnlySpan<byte> datagram, IPEndPoint source, short[] decoded)
    {
        if (RtpPacket.TryRead(datagram, out var header, out var payload) is not null)
        {
            Interlocked.Increment(ref _rejected);
            return;
        }

        var voice = header.PayloadType == audio.PayloadType;
        var telephoneEvent = header.PayloadType == audio.TelephoneEventPayloadType;
        if (!voice && !telephoneEvent)
        {
            return;
        }

        Latch(source, header.Ssrc);
        var arrival = Elapsed(Stopwatch.GetTimestamp());
        lock (_receiveLock)
        {
            if (_statistics is null || (voice && _statistics.Ssrc != header.Ssrc))
            {
                _statistics = new RtpReceiveStatistics(header.Ssrc, AudioCodecs.SampleRate);
            }

            if (_statistics.Ssrc == header.Ssrc)
            {
                _statistics.Receive(header, arrival);
            }

            if (telephoneEvent)
            {
                if (_eventReceiver!.Receive(header, payload, arrival) is not null)
                {
                    Interlocked.Increment(ref _rejected);
                }

                return;
            }
        }

        var frame = decoded.AsSpan(0, payload.Length);
        audio.Codec.Decode(payload, frame);
        _jitter.Push(header.Ssrc, header.SequenceNumber, header.Timestamp, frame);
    }

    // Voice in sequence order (from the jitter buffer) goes to the tone detector and the sink.
    private void Hear(ReadOnlySpan<short> frame)
    {
        Volatile.Read(ref _detector)?.Process(frame);
        WriteSink(frame);
    }

    // A sink that throws (a recorder whose disk is full, a bridge's bug) loses that frame; the call keeps its audio and its keys.
    // Each failing sink is logged once.
    private void WriteSink(ReadOnlySpan<short> frame)
    {
        if (_sink is not { } sink)
        {
            return;
        }

        try
        {
            sink.Write(frame);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _sinkFailures);
            if (!ReferenceEquals(Interlocked.Exchange(ref _failedSink, sink), sink))
            {
                LogSinkFailed(_options.Logger, sink.GetType().Name, LocalPort, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audio sink {Sink} of the RTP session on port {Port} failed; its frames are dropped while it fails")]
    private static partial void LogSinkFailed(ILogger logger, string sink, int port, Exception exception);

    // Symmetric RTP (without it the signalled address stands): tells the remote where packets come from. Once they keep
    // coming from where media already goes (the source cache hands back the same endpoint object while the address stays),
    // nothing can change until a re-INVITE signals a new address, so the send lock is not taken per packet.
    private void Latch(IPEndPoint source, uint ssrc)
    {
        if (!_options.SymmetricRtp || (ReferenceEquals(source, _settledSource) && Volatile.Read(ref _signalled) == _settledSignal))
        {
            return;
        }

        lock (_sendLock)
        {
            if (_rtpRemote!.Observe(source, ssrc))
            {
                _rtpTarget = _rtpRemote.Current?.Serialize();
            }

            var settled = source.Equals(_rtpRemote.Current) && !_rtpRemote.Moving;
            (_settledSource, _settledSignal) = (settled ? source : null, _signalled);
        }
    }

    private async Task ReceiveRtcpAsync(CancellationToken cancellation)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        var sources = new SourceCache(_ports.Rtcp.AddressFamily);
        var reports = new List<RtcpReport>();
        try
        {
            while (await ReceiveAsync(_ports.Rtcp, buffer, sources.Address, cancellation).ConfigureAwait(false) is var length and >= 0)
            {
                reports.Clear();
                if (RtcpPacket.TryRead(buffer.AsSpan(0, length), reports, out var bye) is not null)
                {
                    Interlocked.Increment(ref _rejected);
                    continue;
                }

                ReceiveReports(reports, sources.Source());
                if (bye)
                {
                    _remoteBye.TrySetResult();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReceiveReports(List<RtcpReport> reports, IPEndPoint source)
    {
        if (reports.Count == 0)
        {
            return;
        }

        lock (_sendLock)
        {
            if (_rtcpRemote!.Observe(source, reports[0].Ssrc))
            {
                _rtcpTarget = _rtcpRemote.Current?.Serialize();
            }
        }

        var arrival = Elapsed(Stopwatch.GetTimestamp());
        lock (_receiveLock)
        {
            foreach (var report in reports)
            {
                if (report.Sender is { } sender && _statistics?.Ssrc == report.Ssrc)
                {
                    _statistics.SenderReport(sender.NtpTimestamp, arrival);
                }

                _lastReport = report;
            }
        }
    }

    // On every tick, so the lock is taken only while a key is down (a stale read just waits for the next tick).
    private void ExpireEvents(long now)
    {
        if (_eventReceiver is not { Pressed: true })
        {
            return;
        }

        lock (_receiveLock)
        {
            _eventReceiver?.Expire(Elapsed(now));
        }
    }

    private RtcpReportBlock? ReportBlock(long now)
    {
        lock (_receiveLock)
        {
            return _statistics?.ReportBlock(Elapsed(now));
        }
    }

    // One datagram's length, or -1 once the session is closing (the socket closed or the loop was cancelled).
    private static async ValueTask<int> ReceiveAsync(Socket socket, byte[] buffer, SocketAddress from, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                return await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellation).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset && !cancellation.IsCancellationRequested)
            {
                // An ICMP port-unreachable for an earlier send (Windows reports it on the next receive): not this socket's fault.
            }
            catch (Exception e) when (cancellation.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return -1;
            }
        }
    }

    /// <summary>Where the jitter buffer gives out the received voice.</summary>
    private sealed class Hearing(RtpSession session) : IAudioSink
    {
        public void Write(ReadOnlySpan<short> frame) => session.Hear(frame);
    }

    /// <summary>The sender of the last datagram as an endpoint, made afresh only when the address changes (normally once per call).</summary>
    private sealed class SourceCache(AddressFamily family)
    {
        private readonly IPEndPoint _template = new(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        private SocketAddress? _last;
        private IPEndPoint? _source;

        public SocketAddress Address { get; } = new(family);

        public IPEndPoint Source()
        {
            if (_source is null || !Address.Equals(_last))
            {
                _source = (IPEndPoint)_template.Create(Address);
                _last = _source.Serialize();
            }

            return _source;
        }
    }
}
