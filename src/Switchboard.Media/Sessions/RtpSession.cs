using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Sessions;

/// <summary>One call's audio over RTP: the socket pair from the port range, a receive loop that turns packets into audio
/// and key presses, and a sender paced by the shared <see cref="MediaClock"/> that plays whatever source the call has.
/// Open it before offer/answer (the local port goes into the SDP), <see cref="Start"/> it with what was agreed, dispose it when the call ends.</summary>
public sealed partial class RtpSession : IPacedSender, IAsyncDisposable
{
    private const int MaxDatagram = 1500;
    private const int SamplesPerMillisecond = 8;

    private readonly RtpPorts _ports;
    private readonly MediaClock _clock;
    private readonly RtpSessionOptions _options;
    private readonly string _cname;
    private readonly long _epoch = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<DtmfEvent> _digits = Channel.CreateUnbounded<DtmfEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _remoteBye = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private readonly JitterBuffer _jitter;
    private NegotiatedAudio? _audio;
    private IDisposable? _schedule;
    private Task _receiving = Task.CompletedTask;
    private volatile IAudioSink? _sink;
    private int _disposing;
    private int _signalled;

    private RtpSession(RtpPorts ports, MediaClock clock, RtpSessionOptions options, CancellationToken cancellation)
    {
        _ports = ports;
        _clock = clock;
        _options = options;
        _cname = options.Cname ?? $"{Guid.NewGuid():N}@switchboard";
        _sendBuffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        _frame = ArrayPool<short>.Shared.Rent(MaxDatagram);
        _jitter = new JitterBuffer(new Hearing(this));
        _cancellation = cancellation.Register(static session => _ = ((RtpSession)session!).DisposeAsync().AsTask(), this);
    }

    /// <summary>The local RTP port (to put in the SDP's m= line); RTCP is on the next.</summary>
    public int LocalPort => _ports.RtpPort;

    /// <summary>The local RTP address and port.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_ports.Rtp.LocalEndPoint!;

    /// <summary>Every key press heard on the call, in order: RFC 4733 events, in-band tones, and SIP INFO digits handed in
    /// with <see cref="AcceptSipInfo"/>, each tagged with its source. Completes when the session closes.</summary>
    public ChannelReader<DtmfEvent> Digits => _digits.Reader;

    /// <summary>Completes when the peer sends an RTCP BYE.</summary>
    public Task RemoteBye => _remoteBye.Task;

    /// <summary>Completes once the session has closed and given back its ports, clock slot and buffers.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Where received audio goes (a recorder, a bridge); null drops it.</summary>
    public IAudioSink? Sink
    {
        get => _sink;
        set => _sink = value;
    }

    /// <summary>Binds a port pair from <paramref name="ports"/>. The session closes itself when <paramref name="cancellation"/> fires (the call ended).</summary>
    public static RtpSession Open(RtpPortAllocator ports, MediaClock clock, RtpSessionOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(clock);
        return new RtpSession(ports.Allocate(), clock, options ?? new RtpSessionOptions(), cancellation);
    }

    /// <summary>Starts media with what offer/answer agreed: receiving, and sending on the media clock every packet time.</summary>
    public void Start(NegotiatedAudio audio)
    {
        Validate(audio);
        CancellationToken stopping;
        lock (_sendLock)
        {
            ObjectDisposedException.ThrowIf(_sendClosed, this);
            stopping = _stop.Token;
            if (_audio is not null)
            {
                throw new InvalidOperationException("the session has already started; use Update for a new offer/answer");
            }

            _rtpRemote = new RtpRemote(audio.RemoteRtp, _options.SymmetricRtp);
            _rtcpRemote = new RtpRemote(audio.RemoteRtcp, _options.SymmetricRtp);
            Apply(audio);
            _nextReport = Stopwatch.GetTimestamp() + NextReportInterval();
        }

        _eventReceiver = new Rfc4733Receiver(e => _digits.Writer.TryWrite(e), _options.TelephoneEventTimeout);
        _receiving = Task.WhenAll(Task.Run(() => ReceiveRtpAsync(stopping)), Task.Run(() => ReceiveRtcpAsync(stopping)));
    }

    /// <summary>Takes a new offer/answer's outcome mid-call (a re-INVITE: hold and resume, a new address, codec or packet
    /// time). The SSRC, sequence numbers and timestamps run on; a new address is latched afresh.</summary>
    public void Update(NegotiatedAudio audio)
    {
        Validate(audio);
        lock (_sendLock)
        {
            ObjectDisposedException.ThrowIf(_sendClosed, this);
            var previous = _audio ?? throw new InvalidOperationException("the session has not started");
            if (!Equals(previous.RemoteRtp, audio.RemoteRtp))
            {
                _rtpRemote!.Signal(audio.RemoteRtp);
                Interlocked.Increment(ref _signalled);
            }

            if (!Equals(previous.RemoteRtcp, audio.RemoteRtcp))
            {
                _rtcpRemote!.Signal(audio.RemoteRtcp);
            }

            Apply(audio);
        }
    }

    private static void Validate(NegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentOutOfRangeException.ThrowIfLessThan(audio.PtimeMs, 10, nameof(audio));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(audio.PtimeMs, 60, nameof(audio));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(audio.PayloadType, 127, nameof(audio));
    }

    // Under the send lock: adopts the agreed stream, and (re)schedules the sender when the packet time is new.
    private void Apply(NegotiatedAudio audio)
    {
        var previous = _audio;
        Volatile.Write(ref _audio, audio);
        _rtpTarget = _rtpRemote!.Current?.Serialize();
        _rtcpTarget = _rtcpRemote!.Current?.Serialize();
        if (previous is null || previous.TelephoneEventPayloadType != audio.TelephoneEventPayloadType || previous.PtimeMs != audio.PtimeMs)
        {
            _eventSender = audio.TelephoneEventPayloadType is { } eventType ? new Rfc4733Sender((byte)eventType, audio.PtimeMs) : null;
        }

        if (previous is null || (previous.TelephoneEventPayloadType is null) != (audio.TelephoneEventPayloadType is null))
        {
            ListenForTones(audio);
        }

        if (previous?.PtimeMs != audio.PtimeMs)
        {
            _schedule?.Dispose();
            _schedule = _clock.Schedule(this, TimeSpan.FromMilliseconds(audio.PtimeMs));
        }
    }

    // The in-band detector runs as the options say for what the peer agreed to; a re-INVITE that adds or drops telephone-event
    // switches it (the receive loop picks up the new one with its next packet).
    private void ListenForTones(NegotiatedAudio audio)
    {
        var detect = _options.InBandDtmf == InBandDtmf.Always
            || (_options.InBandDtmf == InBandDtmf.WhenNoTelephoneEvent && audio.TelephoneEventPayloadType is null);
        if (detect != (_detector is not null))
        {
            Volatile.Write(ref _detector, detect ? new DtmfDetector(tone => _digits.Writer.TryWrite(tone.ToEvent())) : null);
        }
    }

    /// <summary>True while received audio is searched for DTMF tones (see <see cref="RtpSessionOptions.InBandDtmf"/>).</summary>
    public bool DetectsTones => Volatile.Read(ref _detector) is not null;

    /// <summary>Adds a key press that came by SIP INFO to <see cref="Digits"/>, so the call sees one stream whatever the transport.</summary>
    public void AcceptSipInfo(char digit, TimeSpan duration)
    {
        _digits.Writer.TryWrite(new DtmfEvent(digit, DtmfEventKind.Started, TimeSpan.Zero, DtmfSource.SipInfo));
        _digits.Writer.TryWrite(new DtmfEvent(digit, DtmfEventKind.Ended, duration, DtmfSource.SipInfo));
    }

    /// <summary>Closes the session: stops sending (with an RTCP BYE), stops the receive loops, frees the ports, ends any playback as
    /// <see cref="PlaybackEnd.Closed"/>, and completes <see cref="Digits"/>. Safe to call more than once and from any thread.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposing, 1) != 0)
        {
            await _closed.Task.ConfigureAwait(false);
            return;
        }

        try
        {
            var playing = CloseSending();
            _schedule?.Dispose();
            _cancellation.Unregister();
            await _stop.CancelAsync().ConfigureAwait(false);
            _ports.Dispose();
            playing?.End(PlaybackEnd.Closed);
            try
            {
                await _receiving.ConfigureAwait(false);
            }
            finally
            {
                _digits.Writer.TryComplete();
                ArrayPool<byte>.Shared.Return(_sendBuffer);
                ArrayPool<short>.Shared.Return(_frame);
                _stop.Dispose();
            }
        }
        finally
        {
            _closed.TrySetResult();
        }
    }

    // Monotonic time since the session opened, the time base of arrivals and event timeouts.
    private TimeSpan Elapsed(long timestamp) => Stopwatch.GetElapsedTime(_epoch, timestamp);
}
