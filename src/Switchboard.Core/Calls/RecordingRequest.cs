namespace Switchboard.Calls;

/// <summary>What <see cref="ICall.RecordAsync"/> records: where the file goes, and what ends the recording.</summary>
/// <remarks>
/// A recording ends at <see cref="MaxLength"/>, after <see cref="EndOnSilence"/> of silence once the caller has spoken, or
/// on one of the <see cref="FinishKeys"/> (the silence or key is cut off the end). The file is 8 kHz 16-bit mono WAV.
/// </remarks>
public sealed record RecordingRequest
{
    /// <summary>The file: a relative name (<c>notices/42.wav</c>) under the front-end's recordings folder, or an absolute path.</summary>
    public required string Name { get; init; }

    /// <summary>The longest recording.</summary>
    public TimeSpan MaxLength { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>End after this much silence once the caller has spoken; null never ends on silence.</summary>
    public TimeSpan? EndOnSilence { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Keys that end the recording (<c>#</c> by default; empty for none). Other keys pressed during it are ignored.</summary>
    public string FinishKeys { get; init; } = "#";

    /// <summary>Play a short beep before recording starts.</summary>
    public bool Beep { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting that is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("RecordingRequest: Name must name a file.");
        }

        if (MaxLength <= TimeSpan.Zero || EndOnSilence <= TimeSpan.Zero)
        {
            throw new ArgumentException($"RecordingRequest: MaxLength and EndOnSilence must be positive (got {MaxLength} and {EndOnSilence}).");
        }

        foreach (var key in FinishKeys)
        {
            if (!Keypad.IsKey(key))
            {
                throw new ArgumentException($"RecordingRequest: finish key '{key}' is not a telephone keypad key.");
            }
        }
    }

    /// <summary>
    /// The digit wait a front-end runs on its <see cref="Input.CallInput"/> while recording, to hear a finish key: the type-ahead
    /// is flushed (keys typed before the recording do not end it), only finish keys count, and one ends the wait. It gives up
    /// a minute after <see cref="MaxLength"/>, so it always outlasts the recording it watches for.
    /// </summary>
    public DigitsRequest FinishKeyWait()
    {
        var limit = MaxLength + TimeSpan.FromMinutes(1);
        return new DigitsRequest
        {
            BargeIn = false,
            FlushTypeAhead = true,
            MinDigits = 0,
            MaxDigits = 1,
            FinishKeys = "",
            AcceptedKeys = FinishKeys,
            FirstDigitTimeout = limit,
            TotalTimeout = limit,
        };
    }

    /// <summary>
    /// The full path of the file: <see cref="Name"/> as is when absolute, else under <paramref name="recordingsRoot"/>.
    /// A relative name that climbs out of the folder (<c>../x.wav</c>) is refused with <see cref="ArgumentException"/>.
    /// </summary>
    public string PathUnder(string recordingsRoot)
    {
        if (Path.IsPathFullyQualified(Name))
        {
            return Path.GetFullPath(Name);
        }

        var root = Path.GetFullPath(recordingsRoot);
        var full = Path.GetFullPath(Path.Combine(root, Name));
        var relative = Path.GetRelativePath(root, full);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative))
        {
            throw new ArgumentException($"RecordingRequest: Name '{Name}' leaves the recordings folder {root}.");
        }

        return full;
    }
}
