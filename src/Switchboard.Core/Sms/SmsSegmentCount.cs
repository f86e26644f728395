namespace Switchboard.Sms;

/// <summary>What a text costs as SMS: its encoding, how many segments (billed messages), its length.</summary>
/// <param name="Encoding">GSM-7 when every character is in the GSM alphabet, else UCS-2.</param>
/// <param name="Segments">How many SMS segments the text is split into (0 for an empty text).</param>
/// <param name="Units">Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes.</param>
/// <param name="Characters">Unicode characters (code points) in the text.</param>
/// <param name="FirstNonGsmCharacter">For UCS-2, the first character that forced it (the usual culprit: a curly quote or an emoji).</param>
public readonly record struct SmsSegmentCount(SmsEncoding Encoding, int Segments, int Units, int Characters, string? FirstNonGsmCharacter);
