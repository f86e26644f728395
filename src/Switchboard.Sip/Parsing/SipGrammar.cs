using System.Buffers;

namespace Switchboard.Sip.Parsing;

/// <summary>The character classes of the RFC 3261 ABNF (§25.1), shared by every header and URI reader.</summary>
internal static class SipGrammar
{
    /// <summary>The token characters, for vectorised scanning.</summary>
    public static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    /// <summary>The token characters as bytes, for scanning wire bytes.</summary>
    public static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"u8);

    /// <summary>The characters of a Call-ID: word characters and '@'.</summary>
    public static readonly SearchValues<char> CallIdChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~()<>:\\\"/[]?{}@");

    /// <summary>The characters of a host name or IPv4 address.</summary>
    public static readonly SearchValues<char> HostNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");

    /// <summary>DIGIT.</summary>
    public static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    /// <summary>Linear white space inside a header value (folding is already undone).</summary>
    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    /// <summary>True when <paramref name="text"/> is a non-empty token.</summary>
    public static bool IsToken(ReadOnlySpan<char> text)
    {
        return !text.IsEmpty && !text.ContainsAnyExcept(TokenChars);
    }
}
