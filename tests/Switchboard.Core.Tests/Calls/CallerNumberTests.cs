using Switchboard.Calls;
using Switchboard.Numbers;

namespace Switchboard.Core.Tests.Calls;

public class CallerNumberTests
{
    private static CallerNumber Read(CallerInfo caller) => CallerNumber.Read(caller, CallerNumber.DefaultOrder, NumberPlan.Default, "NL", 4);

    private static CallerInfo Caller(params (CallerIdSource Source, string Raw)[] values) =>
        new([.. values.Select(v => new CallerIdValue(v.Source, v.Raw))]);

    [Theory]
    [InlineData("\"Ann\" <sip:+31612345678@pbx.example;user=phone>;tag=a1", "+31612345678", NumberType.Mobile)]
    [InlineData("<sip:0612345678@10.0.0.1>", "+31612345678", NumberType.Mobile)]
    [InlineData("003120 1234567", "+31201234567", NumberType.FixedLine)]
    [InlineData("+44 7911 123456", "+447911123456", NumberType.Mobile)]
    public void A_number_is_read_with_the_default_region(string from, string e164, NumberType type)
    {
        var read = Read(Caller((CallerIdSource.SipFrom, from)));
        Assert.Equal(e164, read.Number!.E164);
        Assert.Equal(type, read.Number.Type);
        Assert.Equal(from, read.Value!.Raw);
    }

    [Fact]
    public void The_asserted_identity_wins_over_the_from_header()
    {
        var read = Read(Caller((CallerIdSource.SipFrom, "<sip:201@pbx>"), (CallerIdSource.PAssertedIdentity, "<sip:+31612345678@carrier>")));
        Assert.Equal("+31612345678", read.Number!.E164);
        Assert.Equal(CallerIdSource.PAssertedIdentity, read.Value!.Source);
    }

    [Theory]
    [InlineData("<sip:201@pbx>", "internal extension 201")]
    [InlineData("\"Anonymous\" <sip:anonymous@anonymous.invalid>", "withheld")]
    [InlineData("<sip:restricted@pbx>", "withheld")]
    [InlineData("<sip:+3161234@pbx>", "not a valid number")]
    [InlineData("<sip:reception@pbx>", "not a number")]
    public void Extensions_withheld_and_bad_values_are_not_usable(string from, string note)
    {
        var read = Read(Caller((CallerIdSource.SipFrom, from)));
        Assert.Null(read.Number);
        Assert.Contains(note, read.Notes.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_source_falls_through_to_the_next_in_order()
    {
        var read = Read(Caller((CallerIdSource.RemotePartyId, "<sip:+31612345678@pbx>;privacy=full"), (CallerIdSource.SipFrom, "+31687654321")));
        Assert.Equal("+31687654321", read.Number!.E164);
        Assert.Equal(2, read.Notes.Count);
    }

    [Fact]
    public void A_privacy_header_withholds_the_caller()
    {
        var read = Read(new CallerInfo([new CallerIdValue(CallerIdSource.PAssertedIdentity, "<sip:+31612345678@carrier>")], "id"));
        Assert.Null(read.Number);
        Assert.Contains("withheld", read.Notes.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_outside_the_order_are_not_used()
    {
        var read = Read(Caller((CallerIdSource.Diversion, "<sip:+31612345678@pbx>")));
        Assert.Null(read.Number);
        Assert.StartsWith("no caller id from any of PAssertedIdentity", read.Notes.Single(), StringComparison.Ordinal);
    }
}
