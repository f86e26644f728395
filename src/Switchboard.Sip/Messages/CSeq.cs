using System.Globalization;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Messages;

/// <summary>The CSeq header (RFC 3261 §20.16): a 32-bit sequence number and the method it belongs to.</summary>
/// <param name="Number">The sequence number.</param>
/// <param name="Method">The method, case-sensitive.</param>
public sealed record CSeq(uint Number, string Method)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)} {Method}";

    /// <summary>Parses <c>1*DIGIT LWS Method</c>; leading zeros are allowed, values above 2^32-1 are not.</summary>
    public static bool TryParse(string value, out CSeq? cseq, out string error) =>
        TryParse(value, build: true, out cseq, out error);

    /// <summary>Reads a CSeq value; without <paramref name="build"/> it only checks.</summary>
    internal static bool TryParse(ReadOnlySpan<char> value, bool build, out CSeq? cseq, out string error)
    {
        cseq = null;
        var reader = new HeaderReader(value);
        reader.SkipWhitespace();
        var digits = reader.ReadWhile(SipGrammar.Digits);
        var gap = reader.SkipWhitespace();
        var method = reader.ReadToken();
        if (digits.IsEmpty || !gap || method.IsEmpty || !reader.AtEnd)
        {
            error = "CSeq is not 'number method'";
            return false;
        }

        if (!uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            error = "the CSeq number is larger than 2^32-1";
            return false;
        }

        error = string.Empty;
        cseq = build ? new CSeq(number, WireNames.Find(method) ?? method.ToString()) : null;
        return true;
    }
}
