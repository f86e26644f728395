namespace Switchboard.Sms;

/// <summary>How an SMS text is carried, which decides how many characters fit in a segment.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet (plus its extension table, two septets each): 160 per SMS, 153 per part.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16) for anything else: 70 per SMS, 67 per part.</summary>
    Ucs2,
}
