using System.Globalization;
using System.Text;

namespace Switchboard.Media.Dtmf;

/// <summary>Key presses carried in SIP INFO bodies: <c>application/dtmf-relay</c> (<c>Signal=5</c>, <c>Duration=160</c>) and <c>application/dtmf</c> (just the key).</summary>
public static class SipInfoDtmf
{
    /// <summary>The content type Switchboard sends.</summary>
    public const string DtmfRelay = "application/dtmf-relay";

    /// <summary>The bare-key content type some gateways send.</summary>
    public const string Dtmf = "application/dtmf";

    /// <summary>The duration assumed when a body gives none.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromMilliseconds(250);

    /// <summary>True when an INFO with that Content-Type (parameters and case ignored) carries DTMF.</summary>
    public static bool IsDtmfContentType(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals(DtmfRelay, StringComparison.OrdinalIgnoreCase) || mediaType.Equals(Dtmf, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads the key (and duration) from an INFO body. Returns null, or why the body is not a key press.</summary>
    public static string? TryParse(string contentType, ReadOnlySpan<byte> body, out char digit, out TimeSpan duration)
    {
        digit = default;
        duration = DefaultDuration;
        if (!IsDtmfContentType(contentType))
        {
            return $"Content-Type {contentType} does not carry DTMF";
        }

        var text = Encoding.UTF8.GetString(body);
        if (contentType.Split(';')[0].Trim().Equals(Dtmf, StringComparison.OrdinalIgnoreCase))
        {
            return TryReadKey(text.Trim(), out digit);
        }

        string? signal = null;
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (name.Equals("Signal", StringComparison.OrdinalIgnoreCase))
            {
                signal = value;
            }
            else if (name.Equals("Duration", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds == 0)
                {
                    return $"Duration={value} is not a positive number of milliseconds";
                }

                duration = TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        return signal is null ? "the body has no Signal= line" : TryReadKey(signal, out digit);
    }

    /// <summary>An <c>application/dtmf-relay</c> body for one key press.</summary>
    public static string FormatDtmfRelay(char digit, TimeSpan duration)
    {
        if (DtmfDigits.ToEventCode(digit) is null)
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "not a DTMF key (0-9, *, #, A-D)");
        }

        return string.Create(CultureInfo.InvariantCulture, $"Signal={char.ToUpperInvariant(digit)}\r\nDuration={(int)duration.TotalMilliseconds}\r\n");
    }

    // A key as a character, or as its event code (some gateways send Signal=10 for * and 11 for #).
    private static string? TryReadKey(string value, out char digit)
    {
        digit = default;
        if (value.Length == 1 && DtmfDigits.ToEventCode(value[0]) is { } code)
        {
            digit = DtmfDigits.All[code];
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && DtmfDigits.FromEventCode(number) is { } key)
        {
            digit = key;
            return null;
        }

        return $"'{value}' is not a DTMF key";
    }
}
