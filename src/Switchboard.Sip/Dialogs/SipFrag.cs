using System.Globalization;
using System.Text;

namespace Switchboard.Sip.Dialogs;

/// <summary>The status line a <c>message/sipfrag</c> body carries (RFC 3420), as a transferee reports the progress of a REFER with it.</summary>
/// <param name="StatusCode">The status code, 100 to 699.</param>
/// <param name="Reason">The reason phrase (may be empty).</param>
public sealed record SipFragStatus(int StatusCode, string Reason)
{
    /// <summary>True for a final status (200 and above).</summary>
    public bool IsFinal => StatusCode >= 200;

    /// <summary>True for 2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <inheritdoc/>
    public override string ToString() => Reason.Length == 0 ? $"{StatusCode}" : $"{StatusCode} {Reason}";
}

/// <summary>Reads the status line at the start of a <c>message/sipfrag</c> body; anything after the first line (headers of the fragment) is ignored.</summary>
public static class SipFrag
{
    /// <summary>The status line of <paramref name="body"/>, or null with <paramref name="rejection"/> saying what is wrong with it.</summary>
    public static SipFragStatus? Parse(ReadOnlySpan<byte> body, out string rejection)
    {
        var end = body.IndexOfAny((byte)'\r', (byte)'\n');
        var line = end < 0 ? body : body[..end];
        if (line.Length > 512)
        {
            rejection = "the sipfrag status line is longer than 512 bytes";
            return null;
        }

        if (!line.StartsWith("SIP/2.0 "u8))
        {
            rejection = line.IsEmpty ? "the sipfrag body is empty" : "the sipfrag does not start with 'SIP/2.0 ' and a status code";
            return null;
        }

        var rest = line["SIP/2.0 ".Length..];
        if (rest.Length < 3 || !int.TryParse(rest[..3], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 699
            || (rest.Length > 3 && rest[3] != (byte)' '))
        {
            rejection = "the sipfrag status code is not three digits from 100 to 699";
            return null;
        }

        var reason = rest.Length > 4 ? Encoding.UTF8.GetString(rest[4..]).Trim() : string.Empty;
        if (reason.Any(char.IsControl))
        {
            rejection = "the sipfrag reason phrase holds control characters";
            return null;
        }

        rejection = string.Empty;
        return new SipFragStatus(code, reason);
    }
}
