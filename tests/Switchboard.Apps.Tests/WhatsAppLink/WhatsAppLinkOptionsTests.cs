using Microsoft.Extensions.Configuration;
using Switchboard.Apps.WhatsAppLink;
using Switchboard.Calls;
using Switchboard.Flows;
using Switchboard.Outbox;

namespace Switchboard.Apps.Tests.WhatsAppLink;

public class WhatsAppLinkOptionsTests
{
    private static WhatsAppLinkOptions Read(params (string Key, string Value)[] values) =>
        WhatsAppLinkOptions.Read(AppSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(
            values.Select(v => KeyValuePair.Create(v.Key.Contains(':', StringComparison.Ordinal) ? v.Key : $"Apps:wa:{v.Key}", (string?)v.Value))
                .Append(KeyValuePair.Create("Apps:wa:Type", (string?)"whatsapp-link"))).Build(), "wa"));

    [Fact]
    public void The_defaults_follow_the_issue()
    {
        var options = Read();
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.InterDigitTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TotalTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConfirmTimeout);
        Assert.True(options.SilenceConfirms);
        Assert.Equal(2, options.QuestionRepeats);
        Assert.Equal(MessageChannel.Sms, options.Channel);
        Assert.Equal("NL", options.DefaultRegion);
        Assert.Equal(CallerNumber.DefaultOrder, options.CallerSources);
        Assert.Null(options.WhatsAppNumber);
    }

    [Fact]
    public void Server_wide_number_settings_are_the_fallback()
    {
        var options = Read(("Numbers:DefaultRegion", "BE"), ("Numbers:MaxExtensionDigits", "6"));
        Assert.Equal("BE", options.DefaultRegion);
        Assert.Equal(6, options.MaxExtensionDigits);
        Assert.Equal("DE", Read(("Numbers:DefaultRegion", "BE"), ("DefaultRegion", "de")).DefaultRegion);
    }

    [Fact]
    public void Caller_sources_are_read_as_a_list_or_a_comma_separated_string()
    {
        Assert.Equal([CallerIdSource.SipFrom, CallerIdSource.PAssertedIdentity], Read(("CallerSources", "SipFrom, PAssertedIdentity")).CallerSources);
        Assert.Equal([CallerIdSource.TwilioCaller, CallerIdSource.TwilioFrom], Read(("Apps:wa:CallerSources:0", "TwilioCaller"), ("Apps:wa:CallerSources:1", "TwilioFrom")).CallerSources);
    }

    [Theory]
    [InlineData("MessageTemplate", "Hi {name}", "Apps:wa:MessageTemplate: '{name}' is not a variable")]
    [InlineData("Channel", "email", "Apps:wa:Channel: 'email' cannot carry the link")]
    [InlineData("Channel", "fax", "Apps:wa:Channel: 'fax' is not one of Sms, WhatsApp, Email")]
    [InlineData("WhatsAppNumber", "0201234567", "Apps:wa:WhatsAppNumber: '0201234567' is not an international number")]
    [InlineData("MaxAttempts", "0", "Apps:wa:MaxAttempts: '0' is not a whole number from 1 to 10")]
    [InlineData("InterDigitTimeoutSeconds", "soon", "Apps:wa:InterDigitTimeoutSeconds: 'soon' is not a number of seconds")]
    [InlineData("SilenceConfirms", "maybe", "Apps:wa:SilenceConfirms: 'maybe' is not true or false")]
    [InlineData("CallerSources", "SipFrom, Contact", "Apps:wa:CallerSources: 'Contact' is not one of")]
    public void A_bad_option_is_named_by_its_key(string key, string value, string message)
    {
        var e = Assert.Throws<AppOptionsException>(() => Read((key, value)));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_too_long_to_send_is_refused_by_the_segment_calculator()
    {
        var e = Assert.Throws<AppOptionsException>(() => Read(("MessageTemplate", new string('x', 1600) + " {whatsapp_link}")));
        Assert.Contains("Apps:wa:MessageTemplate:", e.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 1600", e.Message, StringComparison.Ordinal);
    }
}
