using System.Globalization;

namespace Switchboard.Media.Rtp;

/// <summary>The UDP ports calls may use for RTP (even) and RTCP (the odd port above), as configured in <c>Sip:RtpPorts</c> ("10000-20000").</summary>
public sealed record RtpPortRange(int First, int Last)
{
    /// <summary>Reads "first-last"; returns null and the reason when the text is not a usable range.</summary>
    public static RtpPortRange? Parse(string text, out string? error)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            error = $"'{text}' is not a port range like 10000-20000";
            return null;
        }

        if (first < 1024 || last > 65535 || last <= first)
        {
            error = $"'{text}': ports must satisfy 1024 <= first < last <= 65535";
            return null;
        }

        var firstEven = first + (first & 1);
        if (firstEven + 1 > last)
        {
            error = $"'{text}' holds no even/odd port pair for RTP and RTCP";
            return null;
        }

        error = null;
        return new RtpPortRange(firstEven, last);
    }

    /// <summary>How many calls the range can carry at once.</summary>
    public int PairCount => (Last - First + 1) / 2;
}
