using static Switchboard.Numbers.Metadata.DigitPattern;

namespace Switchboard.Numbers.Metadata;

/// <summary>
/// A metadata pattern compiled to a small backtracking program that reports where its capture groups matched, trying
/// alternatives and greedy repeats in the same order as a regular expression engine (so it picks the same match and
/// the same captures as .NET's and JavaScript's <c>RegExp</c>) without allocating.
/// </summary>
internal sealed class CapturingMatcher
{
    private readonly Instruction[] _program;

    private CapturingMatcher(string pattern)
    {
        var (tree, groups) = DigitPattern.Parse(pattern);
        CaptureGroups = groups;
        var program = new List<Instruction> { new(Operation.Save, 0) };
        Emit(tree, program);
        program.Add(new(Operation.Save, 1));
        program.Add(new(Operation.Match, 0));
        _program = [.. program];
    }

    /// <summary>The number of capture groups; group 0 is the whole match.</summary>
    public int CaptureGroups { get; }

    /// <summary>Slots <see cref="MatchAtStart"/> needs: a start and an end for the whole match and each group.</summary>
    public int SlotCount => 2 * (CaptureGroups + 1);

    /// <summary>The matcher for a pattern; throws <see cref="FormatException"/> for syntax outside <see cref="DigitPattern"/>.</summary>
    public static CapturingMatcher Create(string pattern) => new(pattern);

    /// <summary>
    /// Matches the pattern at the start of <paramref name="digits"/>. On success <c>slots[2g]</c> and <c>slots[2g + 1]</c>
    /// hold the start and end of group <c>g</c> (-1 when it did not take part); <paramref name="slots"/> needs
    /// <see cref="SlotCount"/> entries.
    /// </summary>
    public bool MatchAtStart(ReadOnlySpan<char> digits, Span<int> slots)
    {
        slots[..SlotCount].Fill(-1);
        return Run(0, 0, digits, slots);
    }

    private bool Run(int pc, int position, ReadOnlySpan<char> digits, Span<int> slots)
    {
        while (true)
        {
            var instruction = _program[pc];
            switch (instruction.Operation)
            {
                case Operation.Digit:
                    if (position < digits.Length && (uint)(digits[position] - '0') <= 9
                        && (instruction.Operand & (1 << (digits[position] - '0'))) != 0)
                    {
                        pc++;
                        position++;
                        continue;
                    }

                    return false;
                case Operation.Split:
                    if (Run(pc + 1, position, digits, slots))
                    {
                        return true;
                    }

                    pc = instruction.Operand;
                    continue;
                case Operation.Jump:
                    pc = instruction.Operand;
                    continue;
                case Operation.Save:
                    var previous = slots[instruction.Operand];
                    slots[instruction.Operand] = position;
                    if (Run(pc + 1, position, digits, slots))
                    {
                        return true;
                    }

                    slots[instruction.Operand] = previous;
                    return false;
                case Operation.End:
                    if (position != digits.Length)
                    {
                        return false;
                    }

                    pc++;
                    continue;
                default:
                    return true;
            }
        }
    }

    private static void Emit(Node node, List<Instruction> program)
    {
        switch (node)
        {
            case DigitSet set:
                program.Add(new(Operation.Digit, set.Digits));
                break;

            case Sequence sequence:
                foreach (var part in sequence.Parts)
                {
                    Emit(part, program);
                }

                break;

            case Choice choice:
            {
                // Each option but the last: try it first, else jump to the next one; all options end at the same place.
                var exits = new List<int>();
                for (var i = 0; i < choice.Options.Count - 1; i++)
                {
                    var split = Placeholder(program);
                    Emit(choice.Options[i], program);
                    exits.Add(Placeholder(program));
                    program[split] = new(Operation.Split, program.Count);
                }

                Emit(choice.Options[^1], program);
                foreach (var exit in exits)
                {
                    program[exit] = new(Operation.Jump, program.Count);
                }

                break;
            }

            case Repeat { Max: null } repeat when CanMatchEmpty(repeat.Body):
                throw new FormatException($"Unbounded repetition of a pattern that can match nothing: {repeat}.");

            case Repeat repeat:
                EmitRepeat(repeat, program);
                break;

            case Capture capture:
                program.Add(new(Operation.Save, 2 * capture.Number));
                Emit(capture.Body, program);
                program.Add(new(Operation.Save, (2 * capture.Number) + 1));
                break;

            case EndOfText:
                program.Add(new(Operation.End, 0));
                break;

            default:
                throw new FormatException($"Unsupported pattern node {node}.");
        }
    }

    private static void EmitRepeat(Repeat repeat, List<Instruction> program)
    {
        for (var i = 0; i < repeat.Min; i++)
        {
            Emit(repeat.Body, program);
        }

        if (repeat.Max is null)
        {
            // Greedy loop: try one more, else leave.
            var loop = Placeholder(program);
            Emit(repeat.Body, program);
            program.Add(new(Operation.Jump, loop));
            program[loop] = new(Operation.Split, program.Count);
            return;
        }

        // Greedy optional copies: each may be taken only after the one before it, any may be the last.
        var splits = new List<int>();
        for (var i = repeat.Min; i < repeat.Max; i++)
        {
            splits.Add(Placeholder(program));
            Emit(repeat.Body, program);
        }

        foreach (var split in splits)
        {
            program[split] = new(Operation.Split, program.Count);
        }
    }

    private static int Placeholder(List<Instruction> program)
    {
        program.Add(default);
        return program.Count - 1;
    }

    private static bool CanMatchEmpty(Node node) => node switch
    {
        DigitSet => false,
        Sequence sequence => sequence.Parts.TrueForAll(CanMatchEmpty),
        Choice choice => choice.Options.Exists(CanMatchEmpty),
        Repeat repeat => repeat.Min == 0 || CanMatchEmpty(repeat.Body),
        Capture capture => CanMatchEmpty(capture.Body),
        _ => true,
    };

    private enum Operation : byte
    {
        /// <summary>Consume one digit out of the set in the operand.</summary>
        Digit,

        /// <summary>Continue with the next instruction; on failure, with the one at the operand.</summary>
        Split,

        Jump,

        /// <summary>Record the position in the slot given by the operand (undone on backtracking).</summary>
        Save,

        /// <summary>Succeed only at the end of the text.</summary>
        End,

        Match,
    }

    private readonly record struct Instruction(Operation Operation, int Operand);
}
