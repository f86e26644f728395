namespace Switchboard.Numbers.Metadata;

/// <summary>
/// A metadata pattern compiled to a nondeterministic automaton over the ten digits, so it can answer what a regular
/// expression cannot: whether some continuation of a prefix matches. Supports the pattern syntax the metadata uses
/// (digits, <c>\d</c>, classes, groups, alternation, <c>? * + {n} {n,} {n,m}</c>).
/// </summary>
internal sealed class DigitAutomaton
{
    private const ushort AnyDigit = 0x3FF;

    private readonly List<List<(ushort Digits, int Target)>> _moves = [];
    private readonly List<List<int>> _empty = [];
    private readonly int _start;
    private readonly int _accept;

    private DigitAutomaton(string pattern)
    {
        var position = 0;
        var tree = ParseAlternation(pattern, ref position);
        if (position != pattern.Length)
        {
            throw new FormatException($"Unexpected '{pattern[position]}' at {position} in {pattern}.");
        }

        (_start, _accept) = Build(tree);
    }

    /// <summary>The automaton for a pattern, or null when the pattern uses syntax outside the supported subset.</summary>
    public static DigitAutomaton? TryCreate(string pattern)
    {
        try
        {
            return new DigitAutomaton(pattern);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="prefix"/> followed by at least one more digit can match, with a total length among <paramref name="lengths"/> (any length when null).</summary>
    public bool CanContinue(ReadOnlySpan<char> prefix, int[]? lengths, int maxLength)
    {
        var states = Closure([_start]);
        foreach (var c in prefix)
        {
            states = Step(states, (ushort)(1 << (c - '0')));
            if (states.Count == 0)
            {
                return false;
            }
        }

        for (var length = prefix.Length + 1; length <= maxLength && states.Count > 0; length++)
        {
            states = Step(states, AnyDigit);
            if (states.Contains(_accept) && (lengths is null || Array.IndexOf(lengths, length) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="prefix"/> is a proper beginning of some match (more digits could complete it).</summary>
    public bool IsProperPrefix(ReadOnlySpan<char> prefix, int maxLength) => CanContinue(prefix, null, maxLength);

    /// <summary>
    /// The equivalent deterministic automaton (subset construction): state 0 is the start, <c>next[state * 10 + digit]</c>
    /// the following state or -1. Null when it would exceed <paramref name="maxStates"/> states.
    /// </summary>
    public (int[] Next, bool[] Accepting)? ToDeterministic(int maxStates)
    {
        var sets = new List<HashSet<int>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = new List<int>();
        var accepting = new List<bool>();

        int StateOf(HashSet<int> set)
        {
            var key = string.Join(',', set.Order());
            if (index.TryGetValue(key, out var existing))
            {
                return existing;
            }

            index[key] = sets.Count;
            sets.Add(set);
            accepting.Add(set.Contains(_accept));
            next.AddRange(Enumerable.Repeat(-1, 10));
            return sets.Count - 1;
        }

        StateOf(Closure([_start]));
        for (var state = 0; state < sets.Count; state++)
        {
            if (sets.Count > maxStates)
            {
                return null;
            }

            for (var digit = 0; digit < 10; digit++)
            {
                var target = Step(sets[state], (ushort)(1 << digit));
                if (target.Count > 0)
                {
                    next[(state * 10) + digit] = StateOf(target);
                }
            }
        }

        return ([.. next], [.. accepting]);
    }

    private HashSet<int> Step(HashSet<int> states, ushort digits)
    {
        var next = new HashSet<int>();
        foreach (var state in states)
        {
            foreach (var (accepted, target) in _moves[state])
            {
                if ((accepted & digits) != 0)
                {
                    next.Add(target);
                }
            }
        }

        return Closure(next);
    }

    private HashSet<int> Closure(HashSet<int> states)
    {
        var pending = new Stack<int>(states);
        while (pending.TryPop(out var state))
        {
            foreach (var target in _empty[state])
            {
                if (states.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        return states;
    }

    private int NewState()
    {
        _moves.Add([]);
        _empty.Add([]);
        return _moves.Count - 1;
    }

    private (int Start, int End) Build(Node node)
    {
        switch (node)
        {
            case DigitSet set:
            {
                var (start, end) = (NewState(), NewState());
                _moves[start].Add((set.Digits, end));
                return (start, end);
            }

            case Sequence sequence:
            {
                var start = NewState();
                var end = start;
                foreach (var part in sequence.Parts)
                {
                    var (partStart, partEnd) = Build(part);
                    _empty[end].Add(partStart);
                    end = partEnd;
                }

                return (start, end);
            }

            case Choice choice:
            {
                var (start, end) = (NewState(), NewState());
                foreach (var option in choice.Options)
                {
                    var (optionStart, optionEnd) = Build(option);
                    _empty[start].Add(optionStart);
                    _empty[optionEnd].Add(end);
                }

                return (start, end);
            }

            case Repeat repeat:
            {
                var start = NewState();
                var end = start;
                for (var i = 0; i < repeat.Min; i++)
                {
                    var (copyStart, copyEnd) = Build(repeat.Body);
                    _empty[end].Add(copyStart);
                    end = copyEnd;
                }

                if (repeat.Max is null)
                {
                    var (loopStart, loopEnd) = Build(repeat.Body);
                    _empty[end].Add(loopStart);
                    _empty[loopEnd].Add(end);
                    return (start, end);
                }

                var finish = NewState();
                _empty[end].Add(finish);
                for (var i = repeat.Min; i < repeat.Max; i++)
                {
                    var (copyStart, copyEnd) = Build(repeat.Body);
                    _empty[end].Add(copyStart);
                    _empty[copyEnd].Add(finish);
                    end = copyEnd;
                }

                return (start, finish);
            }

            default:
                throw new FormatException($"Unknown pattern node {node}.");
        }
    }

    private static Node ParseAlternation(string pattern, ref int position)
    {
        var options = new List<Node> { ParseSequence(pattern, ref position) };
        while (position < pattern.Length && pattern[position] == '|')
        {
            position++;
            options.Add(ParseSequence(pattern, ref position));
        }

        return options.Count == 1 ? options[0] : new Choice(options);
    }

    private static Sequence ParseSequence(string pattern, ref int position)
    {
        var parts = new List<Node>();
        while (position < pattern.Length && pattern[position] is not ('|' or ')'))
        {
            var atom = ParseAtom(pattern, ref position);
            parts.Add(ParseQuantifier(atom, pattern, ref position));
        }

        return new Sequence(parts);
    }

    private static Node ParseAtom(string pattern, ref int position)
    {
        var c = pattern[position++];
        switch (c)
        {
            case '(':
                if (pattern.AsSpan(position).StartsWith("?:", StringComparison.Ordinal))
                {
                    position += 2;
                }

                var inner = ParseAlternation(pattern, ref position);
                Expect(pattern, ref position, ')');
                return inner;
            case '[':
                return ParseClass(pattern, ref position);
            case '\\':
                return Escape(pattern, ref position);
            case >= '0' and <= '9':
                return new DigitSet((ushort)(1 << (c - '0')));
            case '^' or '$' or '.' or '*' or '+' or '?' or '{':
                throw new FormatException($"Unsupported '{c}' in {pattern}.");
            default:
                // A literal that is not a digit (e.g. the tilde of a dial tone wait): no keypad digit matches it.
                return new DigitSet(0);
        }
    }

    private static DigitSet Escape(string pattern, ref int position)
    {
        if (position >= pattern.Length)
        {
            throw new FormatException($"Dangling escape in {pattern}.");
        }

        var escaped = pattern[position++];
        return escaped switch
        {
            'd' => new DigitSet(AnyDigit),
            >= '0' and <= '9' => throw new FormatException($"Back-reference in {pattern}."),
            _ when char.IsLetter(escaped) => throw new FormatException($"Unsupported escape \\{escaped} in {pattern}."),
            _ => new DigitSet(0),
        };
    }

    private static DigitSet ParseClass(string pattern, ref int position)
    {
        var negated = position < pattern.Length && pattern[position] == '^';
        if (negated)
        {
            position++;
        }

        ushort digits = 0;
        while (position < pattern.Length && pattern[position] != ']')
        {
            int low;
            if (pattern[position] == '\\')
            {
                position++;
                var set = Escape(pattern, ref position);
                digits |= set.Digits;
                continue;
            }

            low = pattern[position++];
            var high = low;
            if (position + 1 < pattern.Length && pattern[position] == '-' && pattern[position + 1] != ']')
            {
                high = pattern[position + 1];
                position += 2;
            }

            for (var d = Math.Max(low, '0'); d <= Math.Min(high, '9'); d++)
            {
                digits |= (ushort)(1 << (d - '0'));
            }
        }

        Expect(pattern, ref position, ']');
        return new DigitSet(negated ? (ushort)(~digits & AnyDigit) : digits);
    }

    private static Node ParseQuantifier(Node atom, string pattern, ref int position)
    {
        if (position >= pattern.Length)
        {
            return atom;
        }

        switch (pattern[position])
        {
            case '?':
                position++;
                return new Repeat(atom, 0, 1);
            case '*':
                position++;
                return new Repeat(atom, 0, null);
            case '+':
                position++;
                return new Repeat(atom, 1, null);
            case '{':
                position++;
                var min = ReadNumber(pattern, ref position);
                int? max = min;
                if (pattern[position] == ',')
                {
                    position++;
                    max = pattern[position] == '}' ? null : ReadNumber(pattern, ref position);
                }

                Expect(pattern, ref position, '}');
                return new Repeat(atom, min, max);
            default:
                return atom;
        }
    }

    private static int ReadNumber(string pattern, ref int position)
    {
        var start = position;
        while (position < pattern.Length && char.IsAsciiDigit(pattern[position]))
        {
            position++;
        }

        return position > start
            ? int.Parse(pattern.AsSpan(start, position - start), System.Globalization.CultureInfo.InvariantCulture)
            : throw new FormatException($"Expected a number at {start} in {pattern}.");
    }

    private static void Expect(string pattern, ref int position, char expected)
    {
        if (position >= pattern.Length || pattern[position] != expected)
        {
            throw new FormatException($"Expected '{expected}' at {position} in {pattern}.");
        }

        position++;
    }

    private abstract record Node;

    private sealed record DigitSet(ushort Digits) : Node;

    private sealed record Sequence(List<Node> Parts) : Node;

    private sealed record Choice(List<Node> Options) : Node;

    private sealed record Repeat(Node Body, int Min, int? Max) : Node;
}
