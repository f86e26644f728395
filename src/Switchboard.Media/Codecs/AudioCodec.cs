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

    /// <summary>Encodes <paramref name="linear"/> with the codec's law into the first <c>linear.Length</c> bytes of <paramref name="codes"/>.</summary>
    public static void Encode(this AudioCodec codec, ReadOnlySpan<short> linear, Span<byte> codes)
    {
        if (codec == AudioCodec.Pcma)
        {
            ALaw.Encode(linear, codes);
        }
        else
        {
            MuLaw.Encode(linear, codes);
        }
    }

    /// <summary>Decodes <paramref name="codes"/> with the codec's law into the first <c>codes.Length</c> samples of <paramref name="linear"/>.</summary>
    public static void Decode(this AudioCodec codec, ReadOnlySpan<byte> codes, Span<short> linear)
    {
        if (codec == AudioCodec.Pcma)
        {
            ALaw.Decode(codes, linear);
        }
        else
        {
            MuLaw.Decode(codes, linear);
        }
    }
}
