using System.Text.RegularExpressions;

namespace Switchboard.Numbers.Metadata;

/// <summary>
/// A metadata pattern as a table-driven deterministic automaton over ASCII digits: a whole-number check costs one
/// table lookup per digit and allocates nothing. Patterns outside the automaton's syntax (or too large) use a
/// compiled regular expression instead, with the same answers.
/// </summary>
internal sealed class DigitMatcher
{
    private const int MaxStates = 20_000;

    private readonly int[]? _next;
    private readonly bool[]? _accepting;
    private readonly Regex? _whole;
    private readonly Regex? _atStart;

    private DigitMatcher(string pattern)
    {
        if (DigitAutomaton.TryCreate(pattern)?.ToDeterministic(MaxStates) is { } automaton)
        {
            (_next, _accepting) = automaton;
        }
        else
        {
            _whole = Patterns.Whole(pattern);
            _atStart = Patterns.AtStart(pattern);
        }
    }

    public static DigitMatcher Create(string pattern) => new(pattern);

    /// <summary>True when the whole of <paramref name="digits"/> matches (libphonenumber's "matches entirely").</summary>
    public bool IsMatch(ReadOnlySpan<char> digits)
    {
        if (_next is null)
        {
            return _whole!.IsMatch(digits);
        }

        var state = 0;
        foreach (var c in digits)
        {
            var digit = c - '0';
            if ((uint)digit > 9 || (state = _next[(state * 10) + digit]) < 0)
            {
                return false;
            }
        }

        return _accepting![state];
    }

    /// <summary>True when some beginning of <paramref name="digits"/> (maybe empty) matches: the pattern matches at the start.</summary>
    public bool MatchesAtStart(ReadOnlySpan<char> digits)
    {
        if (_next is null)
        {
            return _atStart!.IsMatch(digits);
        }

        var state = 0;
        if (_accepting![0])
        {
            return true;
        }

        foreach (var c in digits)
        {
            var digit = c - '0';
            if ((uint)digit > 9 || (state = _next[(state * 10) + digit]) < 0)
            {
                return false;
            }

            if (_accepting[state])
            {
                return true;
            }
        }

        return false;
    }
}
