namespace Switchboard.Media.Rtp;

/// <summary>Reception statistics for one incoming RTP source (RFC 3550 appendix A): the extended highest sequence number,
/// packets lost, interarrival jitter, and the last sender report heard, turned into the block our RTCP reports carry.</summary>
public sealed class RtpReceiveStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulus = 1 << 16;

    private readonly int _clockRate;
    private bool _started;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private uint _badSequence = SequenceModulus + 1;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private double _transit;
    private double _jitter;
    private uint _lastSenderReport;
    private TimeSpan? _lastSenderReportArrival;

    /// <summary>Statistics for a source whose RTP clock runs at <paramref name="clockRate"/> Hz (8000 for G.711).</summary>
    public RtpReceiveStatistics(uint ssrc, int clockRate)
    {
        Ssrc = ssrc;
        _clockRate = clockRate;
    }

    /// <summary>The source these statistics describe.</summary>
    public uint Ssrc { get; }

    /// <summary>Packets received (duplicates included, as RFC 3550 counts them).</summary>
    public long Received => _received;

    /// <summary>The highest sequence number seen, extended with the count of wraps.</summary>
    public uint ExtendedHighestSequence => (_cycles * SequenceModulus) + _maxSequence;

    /// <summary>Packets expected from the sequence numbers minus packets received (negative when duplicates arrived).</summary>
    public long CumulativeLost => _started ? ExtendedHighestSequence - _baseSequence + 1 - _received : 0;

    /// <summary>The interarrival jitter estimate, in RTP timestamp units.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>Counts a packet with <paramref name="header"/> that arrived at monotonic time <paramref name="arrival"/>.</summary>
    public void Receive(in RtpHeader header, TimeSpan arrival)
    {
        var sequence = header.SequenceNumber;
        var delta = (ushort)(sequence - _maxSequence);
        if (!_started)
        {
            Restart(sequence);
            _started = true;
        }
        else if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles++;
            }

            _maxSequence = sequence;
        }
        else if (delta <= SequenceModulus - MaxMisorder)
        {
            // A big jump: the sender restarted (or this is garbage). Two in a row in sequence confirm a restart.
            if (sequence == _badSequence)
            {
                Restart(sequence);
            }
            else
            {
                _badSequence = (uint)((sequence + 1) & (SequenceModulus - 1));
                return;
            }
        }

        _received++;
        var transit = (arrival.TotalSeconds * _clockRate) - header.Timestamp;
        if (_received > 1)
        {
            var difference = Math.Abs(transit - _transit);
            _jitter += (difference - _jitter) / 16;
        }

        _transit = transit;
    }

    /// <summary>Notes a sender report from this source (for the LSR and DLSR fields of our next report).</summary>
    public void SenderReport(ulong ntpTimestamp, TimeSpan arrival)
    {
        _lastSenderReport = (uint)(ntpTimestamp >> 16);
        _lastSenderReportArrival = arrival;
    }

    /// <summary>The report block for an RTCP SR or RR sent at <paramref name="now"/>; starts a new interval for the fraction lost.</summary>
    public RtcpReportBlock ReportBlock(TimeSpan now)
    {
        var expected = _started ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;
        var expectedInterval = expected - _expectedPrior;
        var receivedInterval = _received - _receivedPrior;
        _expectedPrior = expected;
        _receivedPrior = _received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        var delay = _lastSenderReportArrival is { } heard ? (uint)((now - heard).TotalSeconds * 65536) : 0;
        return new RtcpReportBlock(Ssrc, (byte)fraction, (int)Math.Clamp(CumulativeLost, -0x800000, 0x7FFFFF),
            ExtendedHighestSequence, Jitter, _lastSenderReport, delay);
    }

    private void Restart(ushort sequence)
    {
        _baseSequence = sequence;
        _maxSequence = sequence;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        _received = 0;
        _expectedPrior = 0;
        _receivedPrior = 0;
    }
}
