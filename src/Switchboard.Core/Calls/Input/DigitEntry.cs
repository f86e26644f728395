using System.Text;

namespace Switchboard.Calls.Input;

/// <summary>
/// The rules of one digit entry — finish, clear and accepted keys, maximum length, the completeness check and the three
/// timeouts — as a clock-free state machine every front-end drives the same way (keys in, deadlines out).
/// </summary>
public sealed class DigitEntry
{
    private readonly DigitsRequest _request;
    private readonly DateTimeOffset _startedAt;
    private readonly StringBuilder _digits = new();
    private DateTimeOffset _lastDigitAt;

    /// <summary>Starts an entry whose timers begin at <paramref name="startedAt"/> (the end of the prompt).</summary>
    public DigitEntry(DigitsRequest request, DateTimeOffset startedAt)
    {
        _request = request;
        _startedAt = startedAt;
    }

    /// <summary>The digits typed so far.</summary>
    public string Digits => _digits.ToString();

    /// <summary>The result, once the entry has ended.</summary>
    public DigitsResult? Result { get; private set; }

    /// <summary>True once the clear key was pressed: this entry is over and the caller starts again.</summary>
    public bool Cleared { get; private set; }

    /// <summary>True when the entry takes no more keys (ended or cleared).</summary>
    public bool IsOver => Result is not null || Cleared;

    /// <summary>When the entry times out unless a key comes first; null once it is over.</summary>
    public DateTimeOffset? Deadline
    {
        get
        {
            if (IsOver)
            {
                return null;
            }

            var next = _digits.Length == 0
                ? _startedAt + (_request.FirstDigitTimeout ?? _request.InterDigitTimeout)
                : _lastDigitAt + _request.InterDigitTimeout;
            return TotalDeadline is { } total && total < next ? total : next;
        }
    }

    private DateTimeOffset? TotalDeadline => _request.TotalTimeout is { } total ? _startedAt + total : null;

    /// <summary>Feeds one key pressed at <paramref name="now"/> and says what it was taken as.</summary>
    public KeyUse Press(char key, DateTimeOffset now)
    {
        if (IsOver)
        {
            throw new InvalidOperationException("The entry is over; it takes no more keys.");
        }

        if (_request.FinishKeys.Contains(key, StringComparison.Ordinal))
        {
            End(_digits.Length == 0 ? DigitsEnd.NoInput : DigitsEnd.FinishKey, key);
            return KeyUse.Finish;
        }

        if (key == _request.ClearKey)
        {
            Cleared = true;
            return KeyUse.Clear;
        }

        if (!_request.AcceptedKeys.Contains(key, StringComparison.Ordinal))
        {
            return KeyUse.Ignored;
        }

        _digits.Append(key);
        _lastDigitAt = now;
        if (_request.IsComplete?.Invoke(_digits.ToString()) == true)
        {
            End(DigitsEnd.Complete, null);
        }
        else if (_digits.Length >= _request.MaxDigits)
        {
            End(DigitsEnd.MaxDigits, null);
        }

        return KeyUse.Digit;
    }

    /// <summary>Ends the entry by timeout if its deadline has passed at <paramref name="now"/>; otherwise does nothing.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (Deadline is not { } deadline || now < deadline)
        {
            return;
        }

        if (_digits.Length == 0)
        {
            End(DigitsEnd.NoInput, null);
        }
        else
        {
            End(TotalDeadline is { } total && now >= total ? DigitsEnd.TotalTimeout : DigitsEnd.InterDigitTimeout, null);
        }
    }

    private void End(DigitsEnd end, char? finishKey)
    {
        var length = _digits.Length;
        Result = new DigitsResult(Digits, end, end == DigitsEnd.FinishKey ? finishKey : null,
            TooShort: length > 0 && length < _request.MinDigits);
    }
}

/// <summary>What a key meant to a digit entry.</summary>
public enum KeyUse
{
    /// <summary>Added to the digits.</summary>
    Digit,

    /// <summary>Ended the entry.</summary>
    Finish,

    /// <summary>Threw the entry away to start again.</summary>
    Clear,

    /// <summary>Not a key this entry uses (e.g. A–D).</summary>
    Ignored,
}
