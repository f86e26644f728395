namespace Switchboard.Prompts;

/// <summary>Why a prompt recording cannot be played as it is, with the detail a person needs to fix it.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">The specifics: the format found, the level measured, the file that could be converted.</param>
internal sealed record RecordingProblem(RecordingProblemKind Kind, string Detail)
{
    /// <summary>True when <c>prompts check --convert</c> can fix it.</summary>
    public bool Convertible => Kind is RecordingProblemKind.WrongFormat or RecordingProblemKind.NotWav or RecordingProblemKind.OtherFormat;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        RecordingProblemKind.Missing => "missing: " + Detail,
        RecordingProblemKind.OtherFormat => "missing as WAV: " + Detail,
        RecordingProblemKind.NotWav => "not a usable WAV file: " + Detail,
        RecordingProblemKind.WrongFormat => "wrong format: " + Detail,
        RecordingProblemKind.Empty => "empty: " + Detail,
        RecordingProblemKind.Silent => "silent: " + Detail,
        RecordingProblemKind.TooLong => "too long: " + Detail,
        RecordingProblemKind.Clipped => "clipped: " + Detail,
        RecordingProblemKind.Stale => "out of date: " + Detail,
        _ => "no text: " + Detail,
    };
}

/// <summary>The kinds of trouble <see cref="RecordingCheck"/> finds.</summary>
internal enum RecordingProblemKind
{
    /// <summary>No recording at all.</summary>
    Missing,

    /// <summary>No WAV, but a recording in another format (<c>&lt;key&gt;.mp3</c>, …) that can be converted.</summary>
    OtherFormat,

    /// <summary>The file is not a WAV file Switchboard can read.</summary>
    NotWav,

    /// <summary>A WAV file, but not 8 kHz mono 16-bit PCM.</summary>
    WrongFormat,

    /// <summary>No audio in it.</summary>
    Empty,

    /// <summary>Audio too quiet to be heard.</summary>
    Silent,

    /// <summary>Longer than any prompt should be (likely the wrong file).</summary>
    TooLong,

    /// <summary>The waveform hits full scale for several samples in a row: distorted.</summary>
    Clipped,

    /// <summary>A generated recording whose text, voice or processing has changed since.</summary>
    Stale,

    /// <summary>The manifest has no text for the key in this language.</summary>
    NoText,
}
