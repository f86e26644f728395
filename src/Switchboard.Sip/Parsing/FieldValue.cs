using System.Buffers;
using System.Text;

namespace Switchboard.Sip.Parsing;

/// <summary>The text of a received header value: UTF-8 decoded, folding undone (CR and LF dropped), outer spaces and tabs trimmed.</summary>
internal static class FieldValue
{
    /// <summary>Values up to this many bytes are decoded on the stack.</summary>
    public const int StackLimit = 256;

    /// <summary>Decodes <paramref name="value"/> (the bytes after the colon) into <paramref name="destination"/>, which needs one char per byte.</summary>
    public static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> value, Span<char> destination)
    {
        if (!value.Contains((byte)'\n'))
        {
            var trimmed = value.Trim(" \t"u8);
            return destination[..Widen(trimmed, destination)];
        }

        var length = Widen(value, destination);
        var kept = 0;
        for (var i = 0; i < length; i++)
        {
            if (destination[i] is not '\r' and not '\n')
            {
                destination[kept++] = destination[i];
            }
        }

        return destination[..kept].Trim(" \t");
    }

    /// <summary>The decoded value as a new string.</summary>
    public static string ToString(ReadOnlySpan<byte> value)
    {
        if (value.Length <= StackLimit)
        {
            Span<char> chars = stackalloc char[StackLimit];
            return new string(Decode(value, chars));
        }

        var rented = ArrayPool<char>.Shared.Rent(value.Length);
        var text = new string(Decode(value, rented));
        ArrayPool<char>.Shared.Return(rented);
        return text;
    }

    private static int Widen(ReadOnlySpan<byte> bytes, Span<char> destination) =>
        Ascii.ToUtf16(bytes, destination, out var written) == OperationStatus.Done ? written : Encoding.UTF8.GetChars(bytes, destination);
}
