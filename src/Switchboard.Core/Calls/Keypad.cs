namespace Switchboard.Calls;

/// <summary>The sixteen DTMF keys a telephone can send.</summary>
public static class Keypad
{
    /// <summary>All DTMF keys: digits, star, hash and the rarely seen A–D.</summary>
    public const string AllKeys = "0123456789*#ABCD";

    /// <summary>True for one of the sixteen DTMF keys (upper-case A–D).</summary>
    public static bool IsKey(char key) => AllKeys.Contains(key, StringComparison.Ordinal);
}
