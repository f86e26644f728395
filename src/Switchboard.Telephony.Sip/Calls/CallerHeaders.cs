using Switchboard.Calls;
using Switchboard.Sip.Messages;

namespace Switchboard.Telephony.Sip.Calls;

/// <summary>Reads who is calling and what they dialled from an INVITE's headers, every raw value kept for the apps to weigh.</summary>
public static class CallerHeaders
{
    /// <summary>The Privacy header (RFC 3323).</summary>
    public const string Privacy = "Privacy";

    private static readonly (string Header, CallerIdSource Source)[] Sources =
    [
        (HeaderNames.From, CallerIdSource.SipFrom),
        ("P-Asserted-Identity", CallerIdSource.PAssertedIdentity),
        ("Remote-Party-ID", CallerIdSource.RemotePartyId),
        ("Diversion", CallerIdSource.Diversion),
    ];

    /// <summary>
    /// From, then every P-Asserted-Identity, Remote-Party-ID and Diversion value in the order received (a header holding a
    /// comma-separated list gives one value per address), and the Privacy header.
    /// </summary>
    public static CallerInfo Read(SipRequest invite)
    {
        var values = new List<CallerIdValue>();
        foreach (var (header, source) in Sources)
        {
            foreach (var field in invite.Headers.GetAll(header))
            {
                var items = source == CallerIdSource.SipFrom ? [field.Value] : SplitList(field.Value);
                values.AddRange(items.Select(item => new CallerIdValue(source, item)));
            }
        }

        var privacy = invite.Headers.GetAll(Privacy).Select(h => h.Value).ToList();
        return new CallerInfo(values, privacy.Count > 0 ? string.Join(", ", privacy) : null);
    }

    /// <summary>The number dialled: the Request-URI's user (or TEL number), else the To URI's; empty when neither has one.</summary>
    public static string Called(SipRequest invite) => UserOf(invite.RequestUri) ?? (invite.To is { } to ? UserOf(to.Uri) : null) ?? "";

    /// <summary>The user part of a SIP URI or the number of a TEL URI, or null.</summary>
    public static string? UserOf(AddressUri uri) => uri switch
    {
        SipUri { User: { Length: > 0 } user } => user,
        TelUri tel => tel.Number,
        _ => null,
    };

    // Splits a header value at the commas that separate addresses, not those inside quotes or angle brackets.
    private static List<string> SplitList(string value)
    {
        var items = new List<string>();
        var start = 0;
        var quoted = false;
        var angle = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"' when !angle:
                    quoted = !quoted;
                    break;
                case '<' when !quoted:
                    angle = true;
                    break;
                case '>' when !quoted:
                    angle = false;
                    break;
                case ',' when !quoted && !angle:
                    Add(items, value[start..i]);
                    start = i + 1;
                    break;
            }
        }

        Add(items, value[start..]);
        return items;
    }

    private static void Add(List<string> items, string item)
    {
        if (item.Trim() is { Length: > 0 } trimmed)
        {
            items.Add(trimmed);
        }
    }
}
