using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>A MIME type or range with parameters, as in Content-Type and Accept (<c>application/sdp</c>, <c>multipart/mixed;boundary=x</c>, <c>*/*</c>).</summary>
/// <param name="Type">The top-level type in lower case.</param>
/// <param name="Subtype">The subtype in lower case.</param>
/// <param name="Parameters">The parameters.</param>
public sealed record MediaType(string Type, string Subtype, SipParameters Parameters)
{
    /// <summary>The SDP type, the only body an INVITE handler usually accepts.</summary>
    public static MediaType Sdp { get; } = new("application", "sdp", new SipParameters());

    /// <summary>True when this range (which may hold <c>*</c>) covers <paramref name="type"/>.</summary>
    public bool Covers(MediaType type) =>
        (Type == "*" || Type == type.Type) && (Subtype == "*" || Subtype == type.Subtype);

    /// <inheritdoc/>
    public override string ToString() => $"{Type}/{Subtype}{Parameters}";

    /// <summary>Parses a comma-separated list of media types (an empty value gives an empty list).</summary>
    public static bool TryParseList(string value, List<MediaType> types, out string error) =>
        TryParseList(value, types, out error, out _);

    /// <summary>Reads a list of media types into <paramref name="types"/>, or only checks it when that is null; <paramref name="count"/> says how many.</summary>
    internal static bool TryParseList(ReadOnlySpan<char> value, List<MediaType>? types, out string error, out int count) =>
        CommaList.TryRead(value, types, TryRead, out error, out count, allowEmpty: true);

    private static string LowerCase(ReadOnlySpan<char> token) => WireNames.Find(token) is { } shared && !shared.AsSpan().ContainsAnyInRange('A', 'Z')
        ? shared
        : token.ToString().ToLowerInvariant();

    private static bool TryRead(ref HeaderReader reader, bool build, out MediaType? type, out string error)
    {
        type = null;
        var top = reader.ReadToken();
        var slash = reader.TrySeparator('/');
        var subtype = reader.ReadToken();
        if (top.IsEmpty || !slash || subtype.IsEmpty)
        {
            error = $"'{AddressUri.Shorten(reader.Rest)}' is not a media type";
            return false;
        }

        if (!SipParameters.TryRead(ref reader, build, out var parameters, out error))
        {
            return false;
        }

        type = build ? new MediaType(LowerCase(top), LowerCase(subtype), parameters!) : null;
        return true;
    }
}
