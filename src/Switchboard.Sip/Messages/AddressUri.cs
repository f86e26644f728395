namespace Switchboard.Sip.Messages;

/// <summary>Any URI a SIP message can carry (Request-URI, From, To, Contact…): SIP/SIPS, TEL, or an opaque URI of another scheme.</summary>
public abstract class AddressUri
{
    /// <summary>The scheme in lower case (<c>sip</c>, <c>sips</c>, <c>tel</c>, …).</summary>
    public abstract string Scheme { get; }

    /// <summary>Parses any absolute URI: SIP and TEL URIs by their grammar, other schemes as opaque text.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out AddressUri? uri, out string error) =>
        TryParse(text, build: true, out uri, out error);

    /// <summary>Reads an absolute URI; without <paramref name="build"/> it only checks and <paramref name="uri"/> stays null.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out AddressUri? uri, out string error)
    {
        uri = null;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text[..colon]))
        {
            error = $"'{Shorten(text)}' is not an absolute URI";
            return false;
        }

        var scheme = text[..colon];
        if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            var ok = SipUri.TryParse(text, build, out var sip, out error);
            uri = sip;
            return ok;
        }

        if (scheme.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            var ok = TelUri.TryParse(text, build, out var tel, out error);
            uri = tel;
            return ok;
        }

        var ok2 = OpaqueUri.TryParse(text, build, out var opaque, out error);
        uri = opaque;
        return ok2;
    }

    /// <summary>Parses an absolute URI or throws <see cref="FormatException"/>; for URIs written in code and configuration.</summary>
    public static AddressUri Parse(string text) =>
        TryParse(text, out var uri, out var error) ? uri! : throw new FormatException(error);

    internal static string Shorten(ReadOnlySpan<char> text) => text.Length <= 60 ? text.ToString() : string.Concat(text[..57], "...");

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }
}
