using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Switchboard.Media.Codecs;
using Switchboard.Media.Rtp;
using Switchboard.Media.Sdp;

namespace Switchboard.Hosting;

/// <summary>
/// The media settings of SIP calls: <c>Sip:RtpPorts</c>, <c>Sip:RtpAddress</c>, <c>Sip:RtpAdvertisedAddress</c>, <c>Sip:Codecs</c> and
/// <c>Sip:ShutdownTimeout</c>, read and checked when the server is built so a bad value stops the start naming its key.
/// </summary>
/// <param name="Ports">The RTP/RTCP port range.</param>
/// <param name="Address">The address RTP binds to.</param>
/// <param name="AdvertisedAddress">The address written in SDP, or null to pick one per call.</param>
/// <param name="OfferAnswer">The codec preference and the rest of offer/answer.</param>
/// <param name="ShutdownTimeout">How long a stop lets calls in progress finish before hanging them up.</param>
internal sealed record SipMediaSettings(RtpPortRange Ports, IPAddress Address, IPAddress? AdvertisedAddress, OfferAnswerOptions OfferAnswer, TimeSpan ShutdownTimeout)
{
    /// <summary>The RTP range when <c>Sip:RtpPorts</c> is not set.</summary>
    public const string DefaultPorts = "10000-20000";

    /// <summary>The stop timeout when <c>Sip:ShutdownTimeout</c> is not set.</summary>
    public static readonly TimeSpan DefaultShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads the settings; a bad value is a <see cref="ConfigurationFileException"/> naming its key.</summary>
    public static SipMediaSettings Read(IConfiguration configuration)
    {
        var portsText = configuration["Sip:RtpPorts"] ?? DefaultPorts;
        var ports = RtpPortRange.Parse(portsText, out var error) ?? throw new ConfigurationFileException($"Sip:RtpPorts: {error}.");
        var address = ReadAddress(configuration, "Sip:RtpAddress") ?? IPAddress.Any;
        var advertised = ReadAddress(configuration, "Sip:RtpAdvertisedAddress");
        if (advertised is not null && (advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any)))
        {
            throw new ConfigurationFileException($"Sip:RtpAdvertisedAddress: '{advertised}' is not an address a caller can send to.");
        }

        return new SipMediaSettings(ports, address, advertised, new OfferAnswerOptions { Codecs = Codecs(configuration) }, ReadShutdownTimeout(configuration));
    }

    private static IPAddress? ReadAddress(IConfiguration configuration, string key) =>
        configuration[key] is not { Length: > 0 } text ? null
        : IPAddress.TryParse(text.Trim(), out var address) ? address
        : throw new ConfigurationFileException($"{key}: '{text}' is not an IP address.");

    private static IReadOnlyList<AudioCodec> Codecs(IConfiguration configuration)
    {
        var section = configuration.GetSection("Sip:Codecs");
        var entries = section.Value is { } single
            ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (Key: section.Path, Value: v)).ToList()
            : [.. section.GetChildren().Select(c => (Key: c.Path, Value: c.Value ?? ""))];
        if (entries.Count == 0)
        {
            return new OfferAnswerOptions().Codecs;
        }

        var codecs = new List<AudioCodec>();
        foreach (var (key, value) in entries)
        {
            var codec = AudioCodecs.FromEncodingName(value.Trim())
                ?? throw new ConfigurationFileException($"{key}: '{value}' is not a codec Switchboard speaks (PCMU or PCMA).");
            if (!codecs.Contains(codec))
            {
                codecs.Add(codec);
            }
        }

        return codecs;
    }

    private static TimeSpan ReadShutdownTimeout(IConfiguration configuration)
    {
        var text = configuration["Sip:ShutdownTimeout"];
        if (text is null)
        {
            return DefaultShutdownTimeout;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeout) && timeout >= TimeSpan.Zero
            ? timeout
            : throw new ConfigurationFileException($"Sip:ShutdownTimeout: '{text}' is not a duration such as 00:00:10.");
    }
}
