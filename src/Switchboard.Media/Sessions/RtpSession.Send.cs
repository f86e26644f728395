using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Switchboard.Media.Audio;
using Switchboard.Media.Codecs;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Sessions;

/// <summary>The sending half: on each media clock tick, a telephone event if one is queued, else the next frame of the
/// playing source (or silence), on one SSRC whose sequence numbers and timestamps run on across source changes.</summary>
public sealed partial class RtpSession
{
    private readonly Lock _sendLock = new();
    private readonly RtpSequencer _sequencer = new();
    private readonly byte[] _sendBuffer;
    private readonly short[] _frame;
    private RtpRemote? _rtpRemote;
    private RtpRemote? _rtcpRemote;
    private SocketAddress? _rtpTarget;
    private SocketAddress? _rtcpTarget;
    private Rfc4733Sender? _eventSender;
    private Playback? _playing;
    private bool _inTalkSpurt;
    private bool _sendClosed;
    private long _nextReport;
    private long _packetsAtLastReport;

    /// <summary>Where RTP is sent now (the signalled address, or the latched source with symmetric RTP).</summary>
    public IPEndPoint? RemoteEndPoint
    {
        get
        {
            lock (_sendLock)
            {
                return _rtpRemote?.Current;
            }
        }
    }

    /// <summary>Plays <paramref name="source"/> from the next packet on, replacing what played before (whose task completes
    /// as <see cref="PlaybackEnd.Replaced"/>). The task completes when the source runs out, is stopped or replaced, or the session
    /// closes; it fails with the source's exception if reading it threw (the call then hears silence).</summary>
    public Task<PlaybackEnd> PlayAsync(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var playback = new Playback(source);
        Playback? replaced;
        lock (_sendLock)
        {
            if (_sendClosed)
            {
                return Task.FromResult(PlaybackEnd.Closed);
            }

            replaced = _playing;
            _playing = playback;
        }

        replaced?.End(PlaybackEnd.Replaced);
        return playback.Task;
    }

    /// <summary>Stops what is playing (barge-in); returns false when nothing was.</summary>
    public bool StopPlayback()
    {
        Playback? stopped;
        lock (_sendLock)
        {
            stopped = _playing;
            _playing = null;
        }

        stopped?.End(PlaybackEnd.Stopped);
        return stopped is not null;
    }

    /// <summary>True when the peer agreed to RFC 4733 telephone events, so <see cref="SendDigit"/> can be used.</summary>
    public bool CanSendDigits
    {
        get
        {
            lock (_sendLock)
            {
                return _eventSender is not null;
            }
        }
    }

    /// <summary>Sends a key press as RFC 4733 events (taking the place of voice while it lasts); keys queue up.</summary>
    public void SendDigit(char digit, TimeSpan duration)
    {
        lock (_sendLock)
        {
            var sender = _eventSender ?? throw new InvalidOperationException("the peer did not agree to telephone-event; no RFC 4733 digits can be sent");
            sender.Enqueue(digit, duration);
        }
    }

    /// <summary>Starts sending a key whose end is not known yet, as RFC 4733 events whose duration grows every packet until
    /// <see cref="ReleaseDigit"/> (or 8 s): a bridge relays a key held on the other call while it is held.</summary>
    public void PressDigit(char digit)
    {
        lock (_sendLock)
        {
            var sender = _eventSender ?? throw new InvalidOperationException("the peer did not agree to telephone-event; no RFC 4733 digits can be sent");
            sender.Press(digit);
        }
    }

    /// <summary>Ends the key started by <see cref="PressDigit"/> once it has lasted <paramref name="duration"/> (never shorter than
    /// what was already sent); does nothing when no key is held or the peer no longer takes telephone events.</summary>
    public void ReleaseDigit(TimeSpan duration)
    {
        lock (_sendLock)
        {
            _eventSender?.Release(duration);
        }
    }

    /// <inheritdoc/>
    void Clock.IPacedSender.Tick(long due)
    {
        ExpireEvents(due);
        lock (_sendLock)
        {
            if (_sendClosed || _audio is not { } audio)
            {
                return;
            }

            var length = NextPacket(audio, send: audio.Direction.Sends() && _rtpTarget is not null);
            if (length > 0 && Send(_ports.Rtp, _sendBuffer.AsSpan(0, length), _rtpTarget))
            {
                _clock.SendLateness.Record(Stopwatch.GetElapsedTime(due));
            }

            if (due >= _nextReport)
            {
                SendReport(due, bye: false);
                _nextReport = due + NextReportInterval();
            }
        }
    }

    // Writes this interval's packet into the send buffer and returns its length (0: nothing to send); moves media time on
    // either way. While nothing may be sent (on hold, no address yet) the source still plays on, so prompts keep their time,
    // but no sequence numbers are used up and queued keys wait.
    private int NextPacket(NegotiatedAudio audio, bool send)
    {
        var samples = audio.PtimeMs * SamplesPerMillisecond;
        var length = send ? _eventSender?.WriteNext(_sequencer, _sendBuffer) ?? 0 : 0;
        if (length == 0)
        {
            var frame = _frame.AsSpan(0, samples);
            var voice = ReadPlaying(frame);
            if (send && (voice || _options.SilenceWhenIdle))
            {
                if (!voice)
                {
                    frame.Clear();
                }

                var header = _sequencer.Next((byte)audio.PayloadType, samples, marker: !_inTalkSpurt);
                length = RtpPacket.Write(header, [], _sendBuffer);
                audio.Codec.Encode(frame, _sendBuffer.AsSpan(length, samples));
                length += samples;
            }

            _inTalkSpurt = length > 0;
        }

        _sequencer.Advance(samples);
        return length;
    }

    // Fills the frame from the playing source; false when nothing plays. A source that runs out is padded with silence and
    // its playback completes; one that throws is dropped and its playback fails.
    private bool ReadPlaying(Span<short> frame)
    {
        if (_playing is not { } playing)
        {
            return false;
        }

        int read;
        try
        {
            read = playing.Source.Read(frame);
        }
        catch (Exception e)
        {
            _playing = null;
            playing.Fail(e);
            return false;
        }

        if (read < frame.Length)
        {
            frame[read..].Clear();
            _playing = null;
            playing.End(PlaybackEnd.Finished);
        }

        return read > 0;
    }

    // A minimal RTCP report: an SR when we sent media since the last report, else an RR; one block about the peer's stream.
    private void SendReport(long now, bool bye)
    {
        var block = ReportBlock(now);
        RtcpSenderInfo? sender = null;
        if (_sequencer.PacketCount > _packetsAtLastReport)
        {
            sender = new RtcpSenderInfo(NtpTime.From(DateTime.UtcNow), _sequencer.Timestamp, (uint)_sequencer.PacketCount, (uint)_sequencer.OctetCount);
            _packetsAtLastReport = _sequencer.PacketCount;
        }

        var report = new RtcpReport(_sequencer.Ssrc, sender, block is null ? [] : [block]);
        var length = RtcpPacket.Write(report, _cname, _sendBuffer, bye);
        Send(_ports.Rtcp, _sendBuffer.AsSpan(0, length), _rtcpTarget);
    }

    // Ends sending for good (the clock may still call Tick once more; it finds nothing to do) and says goodbye in RTCP.
    private Playback? CloseSending()
    {
        lock (_sendLock)
        {
            if (_audio is not null && !_sendClosed)
            {
                SendReport(Stopwatch.GetTimestamp(), bye: true);
            }

            _sendClosed = true;
            var playing = _playing;
            _playing = null;
            return playing;
        }
    }

    private long NextReportInterval() =>
        (long)(_options.RtcpInterval.TotalSeconds * Stopwatch.Frequency * (0.5 + Random.Shared.NextDouble()));

    // A send that fails (no route, the peer's port closed) loses that packet only; the call goes on. True when it went out.
    private static bool Send(Socket socket, ReadOnlySpan<byte> packet, SocketAddress? target)
    {
        if (target is null)
        {
            return false;
        }

        try
        {
            socket.SendTo(packet, SocketFlags.None, target);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>One source being played and the task its player awaits.</summary>
    private sealed class Playback(IAudioSource source)
    {
        private readonly TaskCompletionSource<PlaybackEnd> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IAudioSource Source { get; } = source;

        public Task<PlaybackEnd> Task => _done.Task;

        public void End(PlaybackEnd end) => _done.TrySetResult(end);

        public void Fail(Exception e) => _done.TrySetException(e);
    }
}
