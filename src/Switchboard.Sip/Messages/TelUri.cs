using System.Text;

namespace Switchboard.Sip.Messages;

/// <summary>A <c>tel:</c> URI (RFC 3966): a global (<c>+…</c>) or local number with its parameters (<c>phone-context</c>, <c>ext</c>, …).</summary>
public sealed class TelUri(string number, SipParameters parameters) : AddressUri
{
    private static readonly System.Buffers.SearchValues<char> NumberChars = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF*#+-.()pPwW");

    /// <inheritdoc/>
    public override string Scheme => "tel";

    /// <summary>The number as written, visual separators included.</summary>
    public string Number { get; } = number;

    /// <summary>True for a global number (starts with <c>+</c>).</summary>
    public bool IsGlobal => Number.StartsWith('+');

    /// <summary>The parameters after the number.</summary>
    public SipParameters Parameters { get; } = parameters;

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder("tel:").Append(Number);
        UriEscaping.AppendParameters(builder, Parameters);
        return builder.ToString();
    }

    /// <summary>Parses <c>tel:number *(;param)</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TelUri? uri, out string error) =>
        TryParse(text, build: true, out uri, out error);

    /// <summary>Reads a TEL URI; without <paramref name="build"/> it only checks.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, bool build, out TelUri? uri, out string error)
    {
        uri = null;
        error = string.Empty;
        var rest = text[4..];
        var semi = rest.IndexOf(';');
        var number = semi < 0 ? rest : rest[..semi];
        if (number.IsEmpty || number.ContainsAnyExcept(NumberChars))
        {
            error = $"'{Shorten(text)}' is not a valid TEL URI";
            return false;
        }

        var parameters = build ? new SipParameters() : null;
        while (semi >= 0)
        {
            rest = rest[(semi + 1)..];
            semi = rest.IndexOf(';');
            if (!SipUri.TryReadParameter(semi < 0 ? rest : rest[..semi], build, out var name, out var value))
            {
                error = $"'{Shorten(text)}' has a malformed parameter";
                return false;
            }

            parameters?.Set(name!, value);
        }

        uri = build ? new TelUri(number.ToString(), parameters!) : null;
        return true;
    }
}
