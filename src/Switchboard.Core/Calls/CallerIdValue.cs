namespace Switchboard.Calls;

/// <summary>One raw caller-id value exactly as received; <see cref="CallerNumber"/> reads the number in it.</summary>
/// <param name="Source">The header or parameter it came from.</param>
/// <param name="Raw">The whole value as received (a SIP header value with display name and parameters, or a Twilio parameter).</param>
public sealed record CallerIdValue(CallerIdSource Source, string Raw)
{
    /// <summary>True when the value itself asks to hide the identity (Remote-Party-ID <c>privacy=full</c> or <c>privacy=uri</c>).</summary>
    public bool RequestsPrivacy =>
        Source == CallerIdSource.RemotePartyId && HeaderParameter(Raw, "privacy") is { } p &&
        (p.Equals("full", StringComparison.OrdinalIgnoreCase) || p.Equals("uri", StringComparison.OrdinalIgnoreCase));

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
