using System.Globalization;
using System.Net;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>RFC 3264 offer/answer for one call's audio: answers a peer's offer, makes offers (for INVITEs without SDP,
/// re-INVITEs, hold) and takes the peer's answer. Remembers the call's o= line and raises its version on every change.</summary>
public sealed class OfferAnswerSession
{
    private const string TelephoneEvent = "telephone-event";
    private const string SupportedEvents = "0-15";

    private readonly OfferAnswerOptions _options;
    private readonly IPAddress _localAddress;
    private readonly string _sessionId;
    private ulong _version;
    private string? _lastBody;
    private SessionDescription? _pendingOffer;

    /// <summary>Starts a session whose descriptions carry <paramref name="localAddress"/> and <paramref name="sessionId"/>.</summary>
    public OfferAnswerSession(OfferAnswerOptions options, IPAddress localAddress, ulong sessionId)
    {
        _options = options;
        _localAddress = localAddress;
        _sessionId = sessionId.ToString(CultureInfo.InvariantCulture);
        _version = sessionId;
    }

    /// <summary>The version the last description carried.</summary>
    public ulong Version => _version;

    /// <summary>An offer of audio on <paramref name="localPort"/>; its answer goes to <see cref="TakeAnswer"/>.</summary>
    public SessionDescription CreateOffer(int localPort, MediaDirection direction = MediaDirection.SendRecv)
    {
        var media = new MediaDescription { Media = "audio", Port = localPort, Protocol = "RTP/AVP" };
        foreach (var codec in _options.Codecs)
        {
            AddFormat(media, new RtpMap(codec.PayloadType(), codec.EncodingName(), AudioCodecs.SampleRate), null);
        }

        if (_options.TelephoneEvents)
        {
            AddFormat(media, new RtpMap(_options.TelephoneEventPayloadType, TelephoneEvent, AudioCodecs.SampleRate), SupportedEvents);
        }

        media.Attributes.Add(new SdpAttributeLine("ptime", _options.PtimeMs.ToString(CultureInfo.InvariantCulture)));
        media.Attributes.Add(new SdpAttributeLine(direction.AttributeName()));
        _pendingOffer = Stamp(Describe(media));
        return _pendingOffer;
    }

    /// <summary>Answers a peer's offer with audio on <paramref name="localPort"/>, keeping every m= line in order and
    /// disabling (port 0) all but the first usable audio stream. Rejected when no stream offers PCMU or PCMA over RTP/AVP.</summary>
    public OfferAnswerResult Answer(SessionDescription offer, int localPort)
    {
        var answerMedia = new List<MediaDescription>(offer.Media.Count);
        var reasons = new List<string>();
        NegotiatedAudio? audio = null;
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var offered = offer.Media[i];
            var refusal = audio is null ? Refusal(offer, offered) : "only one audio stream is used";
            var codec = refusal is null ? ChooseCodec(offered) : null;
            if (refusal is null && codec is null)
            {
                refusal = $"offers no {string.Join(" or ", _options.Codecs.Select(c => c.EncodingName()))} (formats {string.Join(' ', offered.Formats)})";
            }

            if (refusal is not null)
            {
                reasons.Add($"m= line {i + 1} ({offered.Media}) {refusal}");
                answerMedia.Add(Disabled(offered));
                continue;
            }

            var (format, chosen) = codec!.Value;
            var telephoneEvent = _options.TelephoneEvents ? FindFormat(offered, m => m.Is(TelephoneEvent, AudioCodecs.SampleRate)) : null;
            var direction = RemoteDirection(offer, offered).Mirror();
            var ptime = Ptime(offered.NumberAttribute("ptime") ?? _options.PtimeMs, offered.NumberAttribute("maxptime"));

            var media = new MediaDescription { Media = "audio", Port = localPort, Protocol = offered.Protocol };
            AddFormat(media, offered.RtpMapFor(format)! with { EncodingName = chosen.EncodingName() }, null);
            if (telephoneEvent is not null)
            {
                AddFormat(media, offered.RtpMapFor(telephoneEvent)!, SupportedEvents);
            }

            media.Attributes.Add(new SdpAttributeLine("ptime", ptime.ToString(CultureInfo.InvariantCulture)));
            media.Attributes.Add(new SdpAttributeLine(direction.AttributeName()));
            answerMedia.Add(media);
            audio = Negotiated(offer, offered, i, chosen, format, telephoneEvent, ptime, direction);
        }

        if (audio is null)
        {
            return OfferAnswerResult.Rejected(reasons.Count == 0
                ? "the offer has no media streams"
                : "no acceptable audio stream: " + string.Join("; ", reasons));
        }

        var answer = Describe([.. answerMedia]);
        return OfferAnswerResult.Accepted(audio, Stamp(answer));
    }

    /// <summary>Takes the peer's answer to the offer made last by <see cref="CreateOffer"/>.</summary>
    public OfferAnswerResult TakeAnswer(SessionDescription answer)
    {
        if (_pendingOffer is null)
        {
            return OfferAnswerResult.Rejected("there is no offer outstanding to match this answer");
        }

        var offer = _pendingOffer;
        if (answer.Media.Count != offer.Media.Count)
        {
            return OfferAnswerResult.Rejected($"the answer has {answer.Media.Count} m= lines, the offer had {offer.Media.Count}");
        }

        var answered = answer.Media[0];
        if (answered.IsRejected)
        {
            return OfferAnswerResult.Rejected("the peer rejected the audio stream (port 0)");
        }

        string? format = null;
        AudioCodec? codec = null;
        foreach (var candidate in answered.Formats)
        {
            if (offer.Media[0].Formats.Contains(candidate)
                && answered.RtpMapFor(candidate) is { } map && map.ClockRate == AudioCodecs.SampleRate
                && AudioCodecs.FromEncodingName(map.EncodingName) is { } found)
            {
                (format, codec) = (candidate, found);
                break;
            }
        }

        if (format is null || codec is null)
        {
            return OfferAnswerResult.Rejected($"the answer chose none of the offered codecs (formats {string.Join(' ', answered.Formats)})");
        }

        var telephoneEvent = _options.TelephoneEvents ? FindFormat(answered, m => m.Is(TelephoneEvent, AudioCodecs.SampleRate)) : null;
        var offeredDirection = offer.DirectionFor(offer.Media[0]);
        var direction = Intersect(offeredDirection, RemoteDirection(answer, answered).Mirror());
        var ptime = Ptime(answered.NumberAttribute("ptime") ?? _options.PtimeMs, answered.NumberAttribute("maxptime"));
        _pendingOffer = null;
        return OfferAnswerResult.Accepted(Negotiated(answer, answered, 0, codec.Value, format, telephoneEvent, ptime, direction), null);
    }

    private static string? Refusal(SessionDescription offer, MediaDescription media)
    {
        if (!string.Equals(media.Media, "audio", StringComparison.OrdinalIgnoreCase))
        {
            return "is not audio";
        }

        if (media.IsRejected)
        {
            return "is disabled (port 0)";
        }

        if (!string.Equals(media.Protocol, "RTP/AVP", StringComparison.OrdinalIgnoreCase))
        {
            return $"uses {media.Protocol}; only RTP/AVP is supported";
        }

        var connection = offer.ConnectionFor(media)!;
        return connection.IsHoldAddress || IPAddress.TryParse(connection.Address, out _)
            ? null
            : $"has connection address {connection.Address}, which is not an IP address";
    }

    private (string Format, AudioCodec Codec)? ChooseCodec(MediaDescription media)
    {
        foreach (var codec in _options.Codecs)
        {
            var format = FindFormat(media, m => m.Is(codec.EncodingName(), AudioCodecs.SampleRate) && m.Channels == 1);
            if (format is not null)
            {
                return (format, codec);
            }
        }

        return null;
    }

    private static string? FindFormat(MediaDescription media, Func<RtpMap, bool> matches) =>
        media.Formats.FirstOrDefault(f => media.RtpMapFor(f) is { } map && matches(map));

    // What the peer does, with the RFC 2543 hold address (0.0.0.0) read as "the peer receives nothing".
    private static MediaDirection RemoteDirection(SessionDescription description, MediaDescription media)
    {
        var direction = description.DirectionFor(media);
        if (!description.ConnectionFor(media)!.IsHoldAddress)
        {
            return direction;
        }

        return direction.Sends() ? MediaDirection.SendOnly : MediaDirection.Inactive;
    }

    private static MediaDirection Intersect(MediaDirection a, MediaDirection b)
    {
        var sends = a.Sends() && b.Sends();
        var receives = a.Receives() && b.Receives();
        return (sends, receives) switch
        {
            (true, true) => MediaDirection.SendRecv,
            (true, false) => MediaDirection.SendOnly,
            (false, true) => MediaDirection.RecvOnly,
            _ => MediaDirection.Inactive,
        };
    }

    private static int Ptime(int wanted, int? maximum)
    {
        var ptime = maximum is { } max ? Math.Min(wanted, max) : wanted;
        return Math.Clamp((int)Math.Round(ptime / 10.0, MidpointRounding.AwayFromZero) * 10, 10, 60);
    }

    private static NegotiatedAudio Negotiated(SessionDescription description, MediaDescription media, int index,
        AudioCodec codec, string format, string? telephoneEvent, int ptime, MediaDirection direction)
    {
        var connection = description.ConnectionFor(media)!;
        IPEndPoint? rtp = null, rtcp = null;
        if (!connection.IsHoldAddress && IPAddress.TryParse(connection.Address, out var address))
        {
            rtp = new IPEndPoint(address, media.Port);
            rtcp = RtcpEndpoint(media, address);
        }

        return new NegotiatedAudio
        {
            MediaIndex = index,
            Codec = codec,
            PayloadType = int.Parse(format, CultureInfo.InvariantCulture),
            TelephoneEventPayloadType = telephoneEvent is null ? null : int.Parse(telephoneEvent, CultureInfo.InvariantCulture),
            PtimeMs = ptime,
            Direction = direction,
            RemoteRtp = rtp,
            RemoteRtcp = rtcp,
        };
    }

    // a=rtcp:port [IN IP4 address] (RFC 3605); without it RTCP goes to the RTP port + 1.
    private static IPEndPoint RtcpEndpoint(MediaDescription media, IPAddress rtpAddress)
    {
        var fields = media.Attribute("rtcp")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (fields.Length > 0 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            var address = fields.Length == 4 && IPAddress.TryParse(fields[3], out var explicitAddress) ? explicitAddress : rtpAddress;
            return new IPEndPoint(address, port);
        }

        return new IPEndPoint(rtpAddress, media.Port + 1);
    }

    private static MediaDescription Disabled(MediaDescription offered) => new()
    {
        Media = offered.Media,
        Port = 0,
        Protocol = offered.Protocol,
        Formats = offered.Formats.Count > 0 ? [.. offered.Formats] : ["0"],
    };

    private static void AddFormat(MediaDescription media, RtpMap map, string? parameters)
    {
        var format = map.PayloadType.ToString(CultureInfo.InvariantCulture);
        media.Formats.Add(format);
        media.Attributes.Add(new SdpAttributeLine("rtpmap", map.ToAttributeValue()));
        if (parameters is not null)
        {
            media.Attributes.Add(new SdpAttributeLine("fmtp", $"{format} {parameters}"));
        }
    }

    private SessionDescription Describe(params MediaDescription[] media) => new()
    {
        Origin = new SdpOrigin(_options.Username, _sessionId, 0, SdpConnection.For(_localAddress)),
        SessionName = _options.SessionName,
        Connection = SdpConnection.For(_localAddress),
        Media = [.. media],
    };

    // The first description keeps the initial version; each later one that differs in content raises it by one.
    private SessionDescription Stamp(SessionDescription description)
    {
        var body = SdpWriter.Write(description);
        if (_lastBody is not null && body != _lastBody)
        {
            _version++;
        }

        _lastBody = body;
        description.Origin = description.Origin with { SessionVersion = _version };
        return description;
    }
}
