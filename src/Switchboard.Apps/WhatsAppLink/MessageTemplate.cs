using System.Globalization;
using System.Text;

namespace Switchboard.Apps.WhatsAppLink;

/// <summary>
/// The text sent to the caller, with <c>{whatsapp_link}</c>, <c>{caller}</c>, <c>{called}</c> and <c>{date}</c> filled in;
/// <c>{{</c> and <c>}}</c> stand for braces. Checked when the app starts, so a typo never reaches a caller.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>The variables a template may use.</summary>
    public static readonly IReadOnlyList<string> Variables = ["whatsapp_link", "caller", "called", "date"];

    private readonly IReadOnlyList<(bool IsVariable, string Text)> _parts;

    private MessageTemplate(string text, IReadOnlyList<(bool, string)> parts)
    {
        Text = text;
        _parts = parts;
    }

    /// <summary>The template as configured.</summary>
    public string Text { get; }

    /// <summary>Parses a template; an unknown variable or an unmatched brace gives null and the reason.</summary>
    public static MessageTemplate? TryParse(string text, out string? problem)
    {
        problem = null;
        var parts = new List<(bool, string)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = text.IndexOf('}', i);
                var name = close < 0 ? null : text[(i + 1)..close];
                if (name is null || !Variables.Contains(name))
                {
                    problem = name is null
                        ? $"the '{{' at character {i + 1} is never closed (write '{{{{' for a brace)"
                        : $"'{{{name}}}' is not a variable; use {string.Join(", ", Variables.Select(v => $"{{{v}}}"))}";
                    return null;
                }

                parts.Add((false, literal.ToString()));
                literal.Clear();
                parts.Add((true, name));
                i = close;
            }
            else if (c == '}')
            {
                problem = $"the '}}' at character {i + 1} closes nothing (write '}}}}' for a brace)";
                return null;
            }
            else
            {
                literal.Append(c);
            }
        }

        parts.Add((false, literal.ToString()));
        return new MessageTemplate(text, parts);
    }

    /// <summary>The message text with the variables filled in.</summary>
    public string Render(MessageValues values)
    {
        var text = new StringBuilder();
        foreach (var (isVariable, part) in _parts)
        {
            text.Append(!isVariable ? part : part switch
            {
                "whatsapp_link" => values.WhatsAppLink,
                "caller" => values.Caller,
                "called" => values.Called,
                _ => values.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        }

        return text.ToString();
    }

    /// <summary>
    /// The <c>https://wa.me/&lt;digits&gt;?text=&lt;text&gt;</c> link that opens a chat with the business number; without a
    /// number, WhatsApp opens with the text and lets the user pick the chat.
    /// </summary>
    public static string WhatsAppLink(string? businessNumber, string? prefilledText)
    {
        var digits = new string([.. (businessNumber ?? "").Where(char.IsAsciiDigit)]);
        return string.IsNullOrEmpty(prefilledText)
            ? $"https://wa.me/{digits}"
            : $"https://wa.me/{digits}?text={Uri.EscapeDataString(prefilledText)}";
    }
}

/// <summary>The values a <see cref="MessageTemplate"/> fills in.</summary>
/// <param name="WhatsAppLink">The wa.me link.</param>
/// <param name="Caller">The caller's mobile number the message goes to (E.164).</param>
/// <param name="Called">The number the caller dialled.</param>
/// <param name="Date">The date of the call, in the server's time zone.</param>
public sealed record MessageValues(string WhatsAppLink, string Caller, string Called, DateOnly Date);
