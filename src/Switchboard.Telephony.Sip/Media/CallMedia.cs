using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Audio;
using Switchboard.Media.Clock;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;
using Switchboard.Prompts;
using Switchboard.Sip.Transports;

namespace Switchboard.Telephony.Sip.Media;

/// <summary>What every SIP call's audio shares: the RTP port range, the one media clock, the decoded prompts and how SDP is written.</summary>
public sealed class CallMedia
{
    private readonly RtpPortRange _range;

    /// <summary>Hands out RTP ports from <paramref name="range"/> bound to <paramref name="address"/>, paced by <paramref name="clock"/>.</summary>
    public CallMedia(RtpPortRange range, IPAddress address, MediaClock clock, PromptCache cache, PromptLibrary library)
    {
        _range = range;
        Address = address;
        Ports = new RtpPortAllocator(range, address);
        Clock = clock;
        Cache = cache;
        Library = library;
    }

    /// <summary>The address RTP sockets bind to.</summary>
    public IPAddress Address { get; }

    /// <summary>The RTP port pairs.</summary>
    public RtpPortAllocator Ports { get; }

    /// <summary>The clock that paces every call's RTP.</summary>
    public MediaClock Clock { get; }

    /// <summary>Prompts decoded once for all calls.</summary>
    public PromptCache Cache { get; }

    /// <summary>Where each prompt's recording lives.</summary>
    public PromptLibrary Library { get; }

    /// <summary>Codec preference, telephone-event, packet time.</summary>
    public OfferAnswerOptions OfferAnswer { get; init; } = new();

    /// <summary>The address written in SDP; null picks one per call (see <see cref="AddressFor"/>).</summary>
    public IPAddress? AdvertisedAddress { get; init; }

    /// <summary>Where RTP sessions report trouble that does not end the call.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The configured port range.</summary>
    public RtpPortRange Range => _range;

    /// <summary>RTP port pairs held by calls now.</summary>
    public int PortsInUse => _range.PairCount - Ports.Available;

    /// <summary>
    /// The address to put in SDP for a call that arrived from <paramref name="source"/>: the advertised address, else the RTP bind
    /// address, else the SIP transport's, else the local address the system routes toward the caller from.
    /// </summary>
    public IPAddress AddressFor(SipSource source)
    {
        if (AdvertisedAddress is { } advertised)
        {
            return advertised;
        }

        if (IsSpecific(Address))
        {
            return Address;
        }

        var local = source.Transport.LocalEndPoint.Address;
        if (IsSpecific(local))
        {
            return local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local;
        }

        var remote = source.Remote.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(source.Remote.Address.MapToIPv4(), source.Remote.Port) : source.Remote;
        using var probe = new Socket(remote.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(remote);
        return ((IPEndPoint)probe.LocalEndPoint!).Address;
    }

    private static bool IsSpecific(IPAddress address) => !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any);
}
