namespace Switchboard.Numbers.Metadata;

/// <summary>
/// A plan's national prefix for parsing together with its transform rule (<c>([89]\d{5})$</c> with <c>0549$1</c> in SM):
/// when the prefix's last group captured digits, the matched prefix is replaced by the rule with the groups filled in,
/// as libphonenumber does with <c>String.replace</c>, but into a caller's buffer and without allocating.
/// </summary>
internal sealed class NationalPrefixRewrite
{
    private readonly CapturingMatcher _prefix;
    private readonly string _transform;
    private readonly int _literalLength;
    private readonly int _groupReferences;

    public NationalPrefixRewrite(string prefixForParsing, string transform)
    {
        _prefix = CapturingMatcher.Create(prefixForParsing);
        _transform = transform;
        for (var i = 0; i < transform.Length; i++)
        {
            if (GroupAt(transform, i) is { } group)
            {
                if (group > _prefix.CaptureGroups)
                {
                    throw new FormatException($"Transform {transform} refers to group {group} of {prefixForParsing}.");
                }

                _groupReferences++;
                i++;
            }
            else
            {
                _literalLength++;
            }
        }
    }

    /// <summary>The most characters <see cref="Apply"/> may write for a number of <paramref name="numberLength"/> digits.</summary>
    public int MaxLength(int numberLength) => _literalLength + (Math.Max(_groupReferences, 1) * numberLength);

    /// <summary>
    /// Writes the rewritten number to <paramref name="destination"/> and returns its length, or returns -1 when the
    /// prefix does not match or its last group captured no digits (then only a plain prefix is stripped).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="MaxLength"/>.</exception>
    public int Apply(ReadOnlySpan<char> number, Span<char> destination)
    {
        if (_prefix.CaptureGroups == 0)
        {
            return -1;
        }

        if (destination.Length < MaxLength(number.Length))
        {
            throw new ArgumentException($"The rewrite needs {MaxLength(number.Length)} characters.", nameof(destination));
        }

        Span<int> slots = stackalloc int[_prefix.SlotCount];
        var last = 2 * _prefix.CaptureGroups;
        if (!_prefix.MatchAtStart(number, slots) || slots[last] < 0 || slots[last + 1] <= slots[last])
        {
            return -1;
        }

        var written = 0;
        for (var i = 0; i < _transform.Length; i++)
        {
            if (GroupAt(_transform, i) is { } group)
            {
                var (start, end) = (slots[2 * group], slots[(2 * group) + 1]);
                if (start >= 0)
                {
                    number[start..end].CopyTo(destination[written..]);
                    written += end - start;
                }

                i++;
            }
            else
            {
                destination[written++] = _transform[i];
            }
        }

        var rest = number[slots[1]..];
        rest.CopyTo(destination[written..]);
        return written + rest.Length;
    }

    /// <summary>The group number of a <c>$n</c> reference at <paramref name="index"/>, or null for a literal character.</summary>
    private static int? GroupAt(string transform, int index) =>
        transform[index] == '$' && index + 1 < transform.Length && char.IsAsciiDigit(transform[index + 1])
            ? transform[index + 1] - '0'
            : null;
}
