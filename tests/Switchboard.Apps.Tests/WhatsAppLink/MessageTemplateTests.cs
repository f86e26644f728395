using Switchboard.Apps.WhatsAppLink;

namespace Switchboard.Apps.Tests.WhatsAppLink;

public class MessageTemplateTests
{
    private static readonly MessageValues Values = new("https://wa.me/31201234567?text=Hi", "+31612345678", "+31201234567", new DateOnly(2026, 3, 2));

    [Theory]
    [InlineData("Chat with us: {whatsapp_link}", "Chat with us: https://wa.me/31201234567?text=Hi")]
    [InlineData("{caller} called {called} on {date}", "+31612345678 called +31201234567 on 2026-03-02")]
    [InlineData("{{literal}} and }}", "{literal} and }")]
    [InlineData("", "")]
    public void Variables_are_filled_in(string template, string expected) =>
        Assert.Equal(expected, MessageTemplate.TryParse(template, out _)!.Render(Values));

    [Theory]
    [InlineData("Hi {name}", "'{name}' is not a variable")]
    [InlineData("Hi {caller", "never closed")]
    [InlineData("Hi }", "closes nothing")]
    public void A_bad_template_is_rejected_with_the_reason(string template, string reason)
    {
        Assert.Null(MessageTemplate.TryParse(template, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+31 20 123 4567", "Hello, I have a question & more", "https://wa.me/31201234567?text=Hello%2C%20I%20have%20a%20question%20%26%20more")]
    [InlineData("+31201234567", "", "https://wa.me/31201234567")]
    [InlineData(null, "Hi there", "https://wa.me/?text=Hi%20there")]
    [InlineData("+31201234567", "Hé €", "https://wa.me/31201234567?text=H%C3%A9%20%E2%82%AC")]
    public void The_link_has_the_business_digits_and_the_url_encoded_text(string? number, string text, string link) =>
        Assert.Equal(link, MessageTemplate.WhatsAppLink(number, text));
}
