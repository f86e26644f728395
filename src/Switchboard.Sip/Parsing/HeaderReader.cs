using System.Buffers;
using System.Text;

namespace Switchboard.Sip.Parsing;

/// <summary>A cursor over one unfolded header value, reading the RFC 3261 building blocks (tokens, quoted strings, separators with optional white space).</summary>
internal ref struct HeaderReader(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;

    /// <summary>Where the next read starts.</summary>
    public int Position { get; set; }

    /// <summary>True when only white space is left.</summary>
    public readonly bool AtEnd
    {
        get
        {
            var p = Position;
            while (p < _text.Length && SipGrammar.IsWhitespace(_text[p]))
            {
                p++;
            }

            return p >= _text.Length;
        }
    }

    /// <summary>The unread rest.</summary>
    public readonly ReadOnlySpan<char> Rest => _text[Position..];

    /// <summary>The text between two positions.</summary>
    public readonly ReadOnlySpan<char> Slice(int start, int end) => _text[start..end];

    /// <summary>The next character, or NUL at the end.</summary>
    public readonly char Peek() => Position < _text.Length ? _text[Position] : '\0';

    /// <summary>Skips spaces and tabs; returns true when there were some.</summary>
    public bool SkipWhitespace()
    {
        var start = Position;
        while (Position < _text.Length && SipGrammar.IsWhitespace(_text[Position]))
        {
            Position++;
        }

        return Position > start;
    }

    /// <summary>Reads a separator with optional white space around it (SEMI, COMMA, EQUAL, SLASH, COLON).</summary>
    public bool TrySeparator(char separator)
    {
        var start = Position;
        SkipWhitespace();
        if (Peek() == separator)
        {
            Position++;
            SkipWhitespace();
            return true;
        }

        Position = start;
        return false;
    }

    /// <summary>Consumes <paramref name="c"/> if it is next, with no white space skipped.</summary>
    public bool TryChar(char c)
    {
        if (Peek() != c)
        {
            return false;
        }

        Position++;
        return true;
    }

    /// <summary>Reads a token; empty when none is next.</summary>
    public ReadOnlySpan<char> ReadToken() => ReadWhile(SipGrammar.TokenChars);

    /// <summary>Reads characters while they are in <paramref name="accept"/>.</summary>
    public ReadOnlySpan<char> ReadWhile(SearchValues<char> accept) => Take(Rest.IndexOfAnyExcept(accept));

    /// <summary>Reads characters while <paramref name="accept"/> holds.</summary>
    public ReadOnlySpan<char> ReadWhile(Func<char, bool> accept)
    {
        var start = Position;
        while (Position < _text.Length && accept(_text[Position]))
        {
            Position++;
        }

        return _text[start..Position];
    }

    /// <summary>Reads up to (not including) the first character in <paramref name="stops"/>, or to the end.</summary>
    public ReadOnlySpan<char> ReadUntilAny(ReadOnlySpan<char> stops) => Take(Rest.IndexOfAny(stops));

    /// <summary>Reads <paramref name="length"/> characters, or the whole rest when it is negative (nothing found).</summary>
    private ReadOnlySpan<char> Take(int length)
    {
        var rest = Rest;
        length = length < 0 ? rest.Length : length;
        Position += length;
        return rest[..length];
    }

    /// <summary>Reads a quoted string (the opening quote must be next) and returns its content with quoted-pairs resolved.</summary>
    public bool TryReadQuotedString(out string value)
    {
        var ok = TryReadQuotedText(out var text);
        value = ok ? text.ToString() : string.Empty;
        return ok;
    }

    /// <summary>
    /// Reads a quoted string (the opening quote must be next) and returns its content with quoted-pairs resolved:
    /// a slice of the text when it has no quoted-pair, else a new string's characters.
    /// </summary>
    public bool TryReadQuotedText(out ReadOnlySpan<char> value)
    {
        value = default;
        if (Peek() != '"')
        {
            return false;
        }

        var start = Position;
        var rest = _text[(start + 1)..];
        var end = rest.IndexOfAny('"', '\\');
        if (end >= 0 && rest[end] == '"')
        {
            value = rest[..end];
            Position = start + end + 2;
            return true;
        }

        var builder = new StringBuilder();
        Position++;
        while (Position < _text.Length)
        {
            var c = _text[Position++];
            if (c == '"')
            {
                value = builder.ToString();
                return true;
            }

            if (c == '\\')
            {
                if (Position >= _text.Length || _text[Position] is '\r' or '\n')
                {
                    break;
                }

                builder.Append(_text[Position++]);
                continue;
            }

            builder.Append(c);
        }

        Position = start;
        return false;
    }
}
