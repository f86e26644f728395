namespace Switchboard.Media.Dtmf;

/// <summary>The sixteen DTMF keys and their RFC 4733 event codes (0–9, <c>*</c>=10, <c>#</c>=11, A–D=12–15).</summary>
public static class DtmfDigits
{
    /// <summary>Every key, in event-code order.</summary>
    public const string All = "0123456789*#ABCD";

    /// <summary>The keypad, row by row: a key's row tone is <see cref="RowFrequencies"/>[i / 4], its column tone <see cref="ColumnFrequencies"/>[i % 4].</summary>
    public const string Keypad = "123A456B789C*0#D";

    /// <summary>The low-group (row) frequencies in Hz.</summary>
    public static ReadOnlySpan<double> RowFrequencies => [697, 770, 852, 941];

    /// <summary>The high-group (column) frequencies in Hz.</summary>
    public static ReadOnlySpan<double> ColumnFrequencies => [1209, 1336, 1477, 1633];

    /// <summary>The key an event code stands for, or null for codes that are not DTMF keys.</summary>
    public static char? FromEventCode(int code) => code is >= 0 and < 16 ? All[code] : null;

    /// <summary>The event code of a key (a–d accepted in lower case), or null when it is not a DTMF key.</summary>
    public static int? ToEventCode(char digit)
    {
        var index = All.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        return index < 0 ? null : index;
    }
}
