namespace Switchboard.Numbers.Metadata;

/// <summary>
/// The syntax tree of a metadata pattern over ASCII digits (digits, <c>\d</c>, classes, groups, alternation,
/// <c>? * + {n} {n,} {n,m}</c>, <c>$</c>), shared by the automata and the capturing matcher built from it.
/// </summary>
internal static class DigitPattern
{
    public const ushort AnyDigit = 0x3FF;

    /// <summary>Parses a pattern; throws <see cref="FormatException"/> for syntax outside the supported subset.</summary>
    public static (Node Tree, int CaptureGroups) Parse(string pattern)
    {
        var parser = new Parser(pattern);
        var tree = parser.ParseAlternation();
        if (parser.Position != pattern.Length)
        {
            throw new FormatException($"Unexpected '{pattern[parser.Position]}' at {parser.Position} in {pattern}.");
        }

        return (tree, parser.CaptureGroups);
    }

    internal abstract record Node;

    /// <summary>One digit out of a set (bit <c>d</c> set for digit <c>d</c>); the empty set matches nothing.</summary>
    internal sealed record DigitSet(ushort Digits) : Node;

    internal sealed record Sequence(List<Node> Parts) : Node;

    /// <summary>Alternatives, tried in order by a backtracking matcher.</summary>
    internal sealed record Choice(List<Node> Options) : Node;

    /// <summary>A greedy repetition; <see cref="Max"/> is null when unbounded.</summary>
    internal sealed record Repeat(Node Body, int Min, int? Max) : Node;

    /// <summary>A capturing group, numbered from 1 by its opening parenthesis.</summary>
    internal sealed record Capture(Node Body, int Number) : Node;

    /// <summary><c>$</c>: the end of the text.</summary>
    internal sealed record EndOfText : Node;

    private sealed class Parser(string pattern)
    {
        public int Position { get; private set; }

        public int CaptureGroups { get; private set; }

        public Node ParseAlternation()
        {
            var options = new List<Node> { ParseSequence() };
            while (Position < pattern.Length && pattern[Position] == '|')
            {
                Position++;
                options.Add(ParseSequence());
            }

            return options.Count == 1 ? options[0] : new Choice(options);
        }

        private Sequence ParseSequence()
        {
            var parts = new List<Node>();
            while (Position < pattern.Length && pattern[Position] is not ('|' or ')'))
            {
                var atom = ParseAtom();
                parts.Add(ParseQuantifier(atom));
            }

            return new Sequence(parts);
        }

        private Node ParseAtom()
        {
            var c = pattern[Position++];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    return ParseClass();
                case '\\':
                    return Escape();
                case >= '0' and <= '9':
                    return new DigitSet((ushort)(1 << (c - '0')));
                case '$':
                    return new EndOfText();
                case '^' or '.' or '*' or '+' or '?' or '{':
                    throw new FormatException($"Unsupported '{c}' in {pattern}.");
                default:
                    // A literal that is not a digit (e.g. the tilde of a dial tone wait): no keypad digit matches it.
                    return new DigitSet(0);
            }
        }

        private Node ParseGroup()
        {
            var capturing = !pattern.AsSpan(Position).StartsWith("?:", StringComparison.Ordinal);
            if (!capturing)
            {
                Position += 2;
            }
            else if (Position < pattern.Length && pattern[Position] == '?')
            {
                throw new FormatException($"Unsupported group syntax at {Position} in {pattern}.");
            }

            var number = capturing ? ++CaptureGroups : 0;
            var inner = ParseAlternation();
            Expect(')');
            return capturing ? new Capture(inner, number) : inner;
        }

        private DigitSet Escape()
        {
            if (Position >= pattern.Length)
            {
                throw new FormatException($"Dangling escape in {pattern}.");
            }

            var escaped = pattern[Position++];
            return escaped switch
            {
                'd' => new DigitSet(AnyDigit),
                >= '0' and <= '9' => throw new FormatException($"Back-reference in {pattern}."),
                _ when char.IsLetter(escaped) => throw new FormatException($"Unsupported escape \\{escaped} in {pattern}."),
                _ => new DigitSet(0),
            };
        }

        private DigitSet ParseClass()
        {
            var negated = Position < pattern.Length && pattern[Position] == '^';
            if (negated)
            {
                Position++;
            }

            ushort digits = 0;
            while (Position < pattern.Length && pattern[Position] != ']')
            {
                if (pattern[Position] == '\\')
                {
                    Position++;
                    digits |= Escape().Digits;
                    continue;
                }

                int low = pattern[Position++];
                var high = low;
                if (Position + 1 < pattern.Length && pattern[Position] == '-' && pattern[Position + 1] != ']')
                {
                    high = pattern[Position + 1];
                    Position += 2;
                }

                for (var d = Math.Max(low, '0'); d <= Math.Min(high, '9'); d++)
                {
                    digits |= (ushort)(1 << (d - '0'));
                }
            }

            Expect(']');
            return new DigitSet(negated ? (ushort)(~digits & AnyDigit) : digits);
        }

        private Node ParseQuantifier(Node atom)
        {
            if (Position >= pattern.Length)
            {
                return atom;
            }

            switch (pattern[Position])
            {
                case '?':
                    Position++;
                    return new Repeat(atom, 0, 1);
                case '*':
                    Position++;
                    return new Repeat(atom, 0, null);
                case '+':
                    Position++;
                    return new Repeat(atom, 1, null);
                case '{':
                    Position++;
                    var min = ReadNumber();
                    int? max = min;
                    if (pattern[Position] == ',')
                    {
                        Position++;
                        max = pattern[Position] == '}' ? null : ReadNumber();
                    }

                    Expect('}');
                    return new Repeat(atom, min, max);
                default:
                    return atom;
            }
        }

        private int ReadNumber()
        {
            var start = Position;
            while (Position < pattern.Length && char.IsAsciiDigit(pattern[Position]))
            {
                Position++;
            }

            return Position > start
                ? int.Parse(pattern.AsSpan(start, Position - start), System.Globalization.CultureInfo.InvariantCulture)
                : throw new FormatException($"Expected a number at {start} in {pattern}.");
        }

        private void Expect(char expected)
        {
            if (Position >= pattern.Length || pattern[Position] != expected)
            {
                throw new FormatException($"Expected '{expected}' at {Position} in {pattern}.");
            }

            Position++;
        }
    }
}
