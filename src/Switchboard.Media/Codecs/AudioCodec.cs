namespace Switchboard.Media.Codecs;

/// <summary>The voice codecs Switchboard speaks on the wire: the two G.711 laws every PBX and trunk supports.</summary>
public enum AudioCodec
{
    /// <summary>G.711 µ-law, static RTP payload type 0 (North America, Japan).</summary>
    Pcmu,

    /// <summary>G.711 A-law, static RTP payload type 8 (Europe and most of the world).</summary>
    Pcma,
}

/// <summary>RTP names and numbers of <see cref="AudioCodec"/>.</summary>
public static class AudioCodecs
{
    /// <summary>The sampling rate of both G.711 laws, which is also their RTP clock rate.</summary>
    public const int SampleRate = 8000;

    /// <summary>The static RTP payload type (RFC 3551).</summary>
    public static int PayloadType(this AudioCodec codec) => codec == AudioCodec.Pcma ? 8 : 0;

    /// <summary>The rtpmap encoding name.</summary>
    public static string EncodingName(this AudioCodec codec) => codec == AudioCodec.Pcma ? "PCMA" : "PCMU";

    /// <summary>The codec an rtpmap encoding name denotes, or null.</summary>
    public static AudioCodec? FromEncodingName(string name) =>
        string.Equals(name, "PCMU", StringComparison.OrdinalIgnoreCase) ? AudioCodec.Pcmu
        : string.Equals(name, "PCMA", StringComparison.OrdinalIgnoreCase) ? AudioCodec.Pcma
        : null;
}
