namespace Switchboard.Calls;

/// <summary>One raw caller-id value exactly as received, with the address it names.</summary>
/// <param name="Source">The header or parameter it came from.</param>
/// <param name="Raw">The whole value as received (a SIP header value with display name and parameters, or a Twilio parameter).</param>
public sealed record CallerIdValue(CallerIdSource Source, string Raw)
{
    /// <summary>
    /// The address inside the raw value: the URI user part for SIP name-addr / addr-spec values
    /// (<c>"Ann" &lt;sip:+31612345678@pbx;user=phone&gt;;tag=1</c> gives <c>+31612345678</c>), or the trimmed value.
    /// </summary>
    public string Address => AddressOf(Raw);

    /// <summary>True when the value itself asks to hide the identity (Remote-Party-ID <c>privacy=full</c> or <c>privacy=uri</c>).</summary>
    public bool RequestsPrivacy =>
        Source == CallerIdSource.RemotePartyId && HeaderParameter(Raw, "privacy") is { } p &&
        (p.Equals("full", StringComparison.OrdinalIgnoreCase) || p.Equals("uri", StringComparison.OrdinalIgnoreCase));

    private static string AddressOf(string raw)
    {
        var value = raw.AsSpan().Trim();
        var open = value.IndexOf('<');
        if (open >= 0)
        {
            var close = value[open..].IndexOf('>');
            value = close > 0 ? value.Slice(open + 1, close - 1) : value[(open + 1)..];
        }
        else
        {
            var semicolon = value.IndexOf(';');
            if (semicolon >= 0 && HasScheme(value[..semicolon]))
            {
                value = value[..semicolon];
            }
        }

        var colon = value.IndexOf(':');
        if (colon > 0 && HasScheme(value[..(colon + 1)]))
        {
            value = value[(colon + 1)..];
            var at = value.IndexOf('@');
            if (at >= 0)
            {
                value = value[..at];
            }

            var parameters = value.IndexOf(';');
            if (parameters >= 0)
            {
                value = value[..parameters];
            }
        }

        return Uri.UnescapeDataString(value.Trim().ToString());
    }

    private static bool HasScheme(ReadOnlySpan<char> value) =>
        value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) ||
        value.StartsWith("tel:", StringComparison.OrdinalIgnoreCase);

    private static string? HeaderParameter(string raw, string name)
    {
        var close = raw.LastIndexOf('>');
        var parameters = close >= 0 ? raw[(close + 1)..] : raw;
        foreach (var part in parameters.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }
}
