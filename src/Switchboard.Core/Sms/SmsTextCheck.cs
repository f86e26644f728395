namespace Switchboard.Sms;

/// <summary>The verdict on a configured SMS text: fine, costly (more than one segment) or too long to send.</summary>
public sealed record SmsTextCheck(string Name, SmsSegmentCount Count)
{
    /// <summary>Checks the text configured as <paramref name="name"/>.</summary>
    public static SmsTextCheck Of(string name, string text) => new(name, SmsSegments.Count(text));

    /// <summary>More than <see cref="SmsSegments.MaxCharacters"/> characters: refused.</summary>
    public bool IsTooLong => Count.Characters > SmsSegments.MaxCharacters;

    /// <summary>Sent as several billed segments: worth a warning.</summary>
    public bool IsMultiSegment => Count.Segments > 1;

    /// <summary>One sentence for the log or the CLI, saying why and what it costs.</summary>
    public string Describe()
    {
        var encoding = Count.Encoding == SmsEncoding.Gsm7
            ? "GSM-7"
            : $"UCS-2 because of '{Count.FirstNonGsmCharacter}'";
        return IsTooLong
            ? $"SMS text {Name} has {Count.Characters} characters; the limit is {SmsSegments.MaxCharacters}"
            : $"SMS text {Name} is {Count.Segments} segment{(Count.Segments == 1 ? "" : "s")} ({Count.Units} units, {encoding})";
    }
}
