using System.Net;

namespace Switchboard.Media.Rtp;

/// <summary>Where a call's RTP goes: the address the peer's SDP gave, or, with symmetric RTP (for phones behind NAT,
/// whose SDP names a private address), the address its packets actually come from. The first packet latches; a later
/// change of source is followed only once three packets in a row of one SSRC came from the new address, so a stray or
/// spoofed packet cannot steal the call's audio.</summary>
public sealed class RtpRemote
{
    private const int PacketsToMove = 3;
    private readonly bool _symmetric;
    private bool _latched;
    private IPEndPoint? _candidate;
    private uint _candidateSsrc;
    private int _candidatePackets;

    /// <summary>Starts with the signalled address; <paramref name="symmetric"/> turns latching on.</summary>
    public RtpRemote(IPEndPoint? signalled, bool symmetric)
    {
        Current = signalled;
        _symmetric = symmetric;
    }

    /// <summary>Where to send now, or null when there is nowhere (held with 0.0.0.0 and nothing heard yet).</summary>
    public IPEndPoint? Current { get; private set; }

    /// <summary>True while packets from another address are being counted towards moving there.</summary>
    public bool Moving => _candidate is not null;

    /// <summary>A new offer or answer named a new address: send there, and latch afresh.</summary>
    public void Signal(IPEndPoint? signalled)
    {
        Current = signalled;
        _latched = false;
        _candidate = null;
    }

    /// <summary>Notes a valid RTP packet's source; returns true when it changed where media is sent.</summary>
    public bool Observe(IPEndPoint source, uint ssrc)
    {
        if (!_symmetric || source.Equals(Current))
        {
            _candidate = null;
            _latched |= _symmetric;
            return false;
        }

        if (!_latched)
        {
            _latched = true;
            Current = source;
            return true;
        }

        if (_candidate is null || !_candidate.Equals(source) || _candidateSsrc != ssrc)
        {
            (_candidate, _candidateSsrc, _candidatePackets) = (source, ssrc, 0);
        }

        if (++_candidatePackets < PacketsToMove)
        {
            return false;
        }

        Current = source;
        _candidate = null;
        return true;
    }
}
