namespace Switchboard.Sip.Messages;

/// <summary>A URI of a scheme this stack does not interpret (<c>http:</c>, <c>isbn:</c>, …), kept as written.</summary>
public sealed class OpaqueUri : AddressUri
{
    private readonly string _text;

    private OpaqueUri(string scheme, string text)
    {
        Scheme = scheme;
        _text = text;
    }

    /// <inheritdoc/>
    public override string Scheme { get; }

    /// <inheritdoc/>
    public override string ToString() => _text;

    /// <summary>Accepts <c>scheme:rest</c> where rest is non-empty and holds no white space, quotes or angle brackets.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out OpaqueUri? uri, out string error) =>
        TryParse(text, build: true, out uri, out error);

    /// <summary>Reads an opaque URI; without <paramref name="build"/> it only checks.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out OpaqueUri? uri, out string error)
    {
        uri = null;
        var colon = text.IndexOf(':');
        var rest = text[(colon + 1)..];
        if (rest.IsEmpty || rest.IndexOfAny(" \t\"<>") >= 0 || rest.ContainsAnyInRange('\0', '\u001f'))
        {
            error = $"'{Shorten(text)}' is not a valid URI";
            return false;
        }

        error = string.Empty;
        uri = build ? new OpaqueUri(text[..colon].ToString().ToLowerInvariant(), text.ToString()) : null;
        return true;
    }
}
