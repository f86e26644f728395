namespace Switchboard.Sip.Parsing;

/// <summary>Reads one item of a comma-separated header value, leaving the reader after it; without <paramref name="build"/> it only checks.</summary>
internal delegate bool ItemReader<T>(ref HeaderReader reader, bool build, out T? item, out string error);

/// <summary>Comma-separated header values (RFC 3261 §7.3.1): items separated by COMMA with optional white space, nothing after the last.</summary>
internal static class CommaList
{
    /// <summary>
    /// Reads every item of <paramref name="value"/> into <paramref name="items"/>, or only checks them when it is null;
    /// <paramref name="count"/> is how many were read. <paramref name="allowEmpty"/> accepts an empty value.
    /// </summary>
    public static bool TryRead<T>(ReadOnlySpan<char> value, List<T>? items, ItemReader<T> read, out string error, out int count, bool allowEmpty = false)
    {
        error = string.Empty;
        count = 0;
        var reader = new HeaderReader(value);
        if (allowEmpty && reader.AtEnd)
        {
            return true;
        }

        do
        {
            reader.SkipWhitespace();
            if (!read(ref reader, items is not null, out var item, out error))
            {
                return false;
            }

            items?.Add(item!);
            count++;
        }
        while (reader.TrySeparator(','));

        if (!reader.AtEnd)
        {
            error = $"unexpected '{Messages.AddressUri.Shorten(reader.Rest)}' after an item";
            return false;
        }

        return true;
    }
}
