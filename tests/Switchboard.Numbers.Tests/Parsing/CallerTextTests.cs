using Switchboard.Numbers.Parsing;

namespace Switchboard.Numbers.Tests.Parsing;

public sealed class CallerTextTests
{
    [Theory]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData("  0612345678 ", "0612345678")]
    [InlineData("sip:+31612345678@pbx.example;user=phone", "+31612345678")]
    [InlineData("SIP:0612345678@host", "0612345678")]
    [InlineData("sips:0612345678@host:5061", "0612345678")]
    [InlineData("sip:+31612345678;user=phone", "+31612345678")]
    [InlineData("sip:0612345678;transport=udp@host", "0612345678")]
    [InlineData("sip:+31612345678;ext=12@host", "+31612345678;ext=12")]
    [InlineData("\"Alice\" <sip:+31612345678@pbx.example>;tag=1", "+31612345678")]
    [InlineData("<sip:101@pbx>", "101")]
    [InlineData("tel:+31-6-1234-5678;ext=1", "tel:+31-6-1234-5678;ext=1")]
    [InlineData("sip:@host", "")]
    [InlineData("sip:%2B31612345678@host", "+31612345678")]
    public void Finds_the_part_that_may_be_a_number(string input, string candidate)
    {
        Assert.Equal(candidate, CallerText.Candidate(input).ToString());
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("anonymous", true)]
    [InlineData("Restricted", true)]
    [InlineData("UNAVAILABLE", true)]
    [InlineData("private", true)]
    [InlineData("withheld", true)]
    [InlineData("anonymously", false)]
    [InlineData("0612345678", false)]
    public void Recognises_withheld_markers(string candidate, bool withheld)
    {
        Assert.Equal(withheld, CallerText.IsWithheld(candidate));
    }

    [Theory]
    [InlineData("101", 4, true)]
    [InlineData("1234", 4, true)]
    [InlineData("12345", 4, false)]
    [InlineData("+101", 4, false)]
    [InlineData("1 01", 4, false)]
    [InlineData("101", 0, false)]
    public void Recognises_extensions(string candidate, int maxDigits, bool extension)
    {
        Assert.Equal(extension, CallerText.IsExtension(candidate, maxDigits));
    }
}
