namespace Switchboard.Simulation;

/// <summary>
/// What the simulated caller does, as the <c>--keys</c> script says: space-separated groups, each pressed when the flow
/// next waits for keys (<c>!</c> first: during the prompt playing), <c>_</c> to let a wait time out, <c>h</c> to hang up.
/// </summary>
public sealed class KeyScript
{
    private KeyScript(IReadOnlyList<KeyGroup> groups) => Groups = groups;

    /// <summary>A script in which the caller does nothing.</summary>
    public static KeyScript Silent { get; } = new([]);

    /// <summary>The groups in order.</summary>
    public IReadOnlyList<KeyGroup> Groups { get; }

    /// <summary>Parses a script; on failure returns null with the reason and the 0-based position of the fault.</summary>
    public static KeyScript? TryParse(string? text, out KeyScriptError? error)
    {
        error = null;
        var groups = new List<KeyGroup>();
        var position = 0;
        foreach (var word in (text ?? "").Split(' '))
        {
            if (word.Length > 0)
            {
                var group = ParseGroup(word, position, out error);
                if (group is null)
                {
                    return null;
                }

                groups.Add(group);
            }

            position += word.Length + 1;
        }

        return new KeyScript(groups);
    }

    /// <summary>Parses a script or throws <see cref="FormatException"/> with the reason.</summary>
    public static KeyScript Parse(string? text) =>
        TryParse(text, out var error) ?? throw new FormatException(error!.ToString());

    private static KeyGroup? ParseGroup(string word, int position, out KeyScriptError? error)
    {
        error = null;
        var duringPrompt = word[0] == '!';
        var body = duringPrompt ? word[1..] : word;
        var start = duringPrompt ? position + 1 : position;
        if (body.Length == 0)
        {
            error = new KeyScriptError(position, "'!' must be followed by keys");
            return null;
        }

        if (body == "_")
        {
            if (duringPrompt)
            {
                error = new KeyScriptError(position, "'_' (let the wait time out) cannot be pressed during a prompt");
                return null;
            }

            return new KeyGroup("", DuringPrompt: false, LetTimeOut: true, HangUp: false);
        }

        var hangUp = body[^1] is 'h' or 'H';
        var keys = hangUp ? body[..^1] : body;
        for (var i = 0; i < keys.Length; i++)
        {
            if (!Calls.Keypad.IsKey(char.ToUpperInvariant(keys[i])))
            {
                error = new KeyScriptError(start + i, keys[i] is 'h' or 'H'
                    ? "'h' (hang up) may only end a group"
                    : keys[i] == '_' ? "'_' must stand alone as a group" : $"'{keys[i]}' is not a keypad key (0-9 * # A-D)");
                return null;
            }
        }

        return new KeyGroup(keys.ToUpperInvariant(), duringPrompt, LetTimeOut: false, hangUp);
    }
}

/// <summary>One group of a key script.</summary>
/// <param name="Keys">The keys, pressed 200 ms apart.</param>
/// <param name="DuringPrompt">Pressed while a prompt plays (barge-in) instead of when the flow waits for keys.</param>
/// <param name="LetTimeOut">Press nothing and let that wait time out.</param>
/// <param name="HangUp">Hang up 200 ms after the last key (or at once for a lone <c>h</c>'s slot).</param>
public sealed record KeyGroup(string Keys, bool DuringPrompt, bool LetTimeOut, bool HangUp);

/// <summary>Why a key script was rejected, and where.</summary>
/// <param name="Position">The 0-based character position of the fault.</param>
/// <param name="Reason">What is wrong there.</param>
public sealed record KeyScriptError(int Position, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"key script, character {Position + 1}: {Reason}";
}
