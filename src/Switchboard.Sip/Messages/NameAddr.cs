using System.Text;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>An address with optional display name and header parameters: the value of From, To, Contact, Route, Record-Route, Reply-To.</summary>
/// <remarks>In the addr-spec form (no angle brackets) everything after the first ';' is a header parameter, not a URI parameter (RFC 3261 §20).</remarks>
public sealed class NameAddr(string? displayName, AddressUri uri, SipParameters parameters)
{
    /// <summary>Creates an address without display name or parameters.</summary>
    public NameAddr(AddressUri uri)
        : this(null, uri, new SipParameters())
    {
    }

    /// <summary>The display name, unquoted; null when absent.</summary>
    public string? DisplayName { get; } = displayName;

    /// <summary>The URI.</summary>
    public AddressUri Uri { get; } = uri;

    /// <summary>Header parameters (<c>tag</c>, <c>expires</c>, <c>q</c>, …).</summary>
    public SipParameters Parameters { get; } = parameters;

    /// <summary>The <c>tag</c> parameter (From and To), or null.</summary>
    public string? Tag => Parameters["tag"];

    /// <summary>A copy with the <c>tag</c> parameter set.</summary>
    public NameAddr WithTag(string tag)
    {
        var parameters = Parameters.Clone();
        parameters.Set("tag", tag);
        return new NameAddr(DisplayName, Uri, parameters);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder();
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append('"').Append(DisplayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\" ");
        }

        builder.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>Parses a header value holding exactly one address.</summary>
    public static bool TryParse(string value, out NameAddr? address, out string error) =>
        TryParse(value, build: true, out address, out error);

    /// <summary>Reads a value holding exactly one address; without <paramref name="build"/> it only checks.</summary>
    internal static bool TryParse(ReadOnlySpan<char> value, bool build, out NameAddr? address, out string error)
    {
        var reader = new HeaderReader(value);
        if (!TryRead(ref reader, build, out address, out error))
        {
            return false;
        }

        if (!reader.AtEnd)
        {
            error = $"unexpected '{AddressUri.Shorten(reader.Rest)}' after the address";
            address = null;
            return false;
        }

        return true;
    }

    /// <summary>Parses a comma-separated list of addresses (Contact, Route, Record-Route).</summary>
    public static bool TryParseList(string value, List<NameAddr> addresses, out string error) =>
        TryParseList(value.AsSpan(), addresses, out error);

    /// <summary>Reads a comma-separated list of addresses into <paramref name="addresses"/>, or only checks it when that is null.</summary>
    internal static bool TryParseList(ReadOnlySpan<char> value, List<NameAddr>? addresses, out string error) =>
        CommaList.TryRead(value, addresses, TryRead, out error, out _);

    private static bool TryRead(ref HeaderReader reader, bool build, out NameAddr? address, out string error)
    {
        address = null;
        reader.SkipWhitespace();
        string? displayName = null;
        var start = reader.Position;
        if (reader.Peek() == '"')
        {
            if (!reader.TryReadQuotedText(out var quoted))
            {
                error = "an unterminated quoted display name";
                return false;
            }

            displayName = build ? quoted.ToString() : null;
            reader.SkipWhitespace();
        }
        else if (reader.Peek() != '<')
        {
            var wordsEnd = start;
            while (!reader.ReadToken().IsEmpty)
            {
                wordsEnd = reader.Position;
                reader.SkipWhitespace();
            }

            if (reader.Peek() != '<' || wordsEnd == start)
            {
                reader.Position = start;
                return TryReadAddrSpec(ref reader, build, out address, out error);
            }

            displayName = build ? JoinWords(reader.Slice(start, wordsEnd)) : null;
        }

        if (!reader.TryChar('<'))
        {
            error = "a display name must be followed by <URI>";
            return false;
        }

        var uriText = reader.ReadUntilAny(">");
        if (!reader.TryChar('>'))
        {
            error = "a '<' without its '>'";
            return false;
        }

        if (uriText.IndexOfAny(" \t") >= 0)
        {
            error = $"white space inside <{AddressUri.Shorten(uriText)}>";
            return false;
        }

        if (!AddressUri.TryParse(uriText, build, out var uri, out error) || !SipParameters.TryRead(ref reader, build, out var parameters, out error))
        {
            return false;
        }

        address = build ? new NameAddr(displayName, uri!, parameters!) : null;
        return true;
    }

    private static bool TryReadAddrSpec(ref HeaderReader reader, bool build, out NameAddr? address, out string error)
    {
        address = null;
        var uriText = reader.ReadUntilAny(" \t;,");
        if (uriText.Contains('?'))
        {
            error = $"'{AddressUri.Shorten(uriText)}' has a '?' so it must be written in <>";
            return false;
        }

        if (!AddressUri.TryParse(uriText, build, out var uri, out error) || !SipParameters.TryRead(ref reader, build, out var parameters, out error))
        {
            return false;
        }

        address = build ? new NameAddr(null, uri!, parameters!) : null;
        return true;
    }

    /// <summary>An unquoted display name: its tokens joined by single spaces.</summary>
    private static string JoinWords(ReadOnlySpan<char> words)
    {
        if (words.IndexOf('\t') < 0 && words.IndexOf("  ") < 0)
        {
            return words.ToString();
        }

        var builder = new StringBuilder(words.Length);
        foreach (var c in words)
        {
            if (!SipGrammar.IsWhitespace(c))
            {
                builder.Append(c);
            }
            else if (builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
