using Switchboard.Sms;

namespace Switchboard.Core.Tests.Sms;

public sealed class SmsSegmentsTests
{
    public static TheoryData<string, string, SmsEncoding, int, int> Texts => new()
    {
        { "empty", "", SmsEncoding.Gsm7, 0, 0 },
        { "160 GSM", new string('a', 160), SmsEncoding.Gsm7, 1, 160 },
        { "161 GSM", new string('a', 161), SmsEncoding.Gsm7, 2, 161 },
        { "306 GSM", new string('a', 306), SmsEncoding.Gsm7, 2, 306 },
        { "307 GSM", new string('a', 307), SmsEncoding.Gsm7, 3, 307 },
        { "extension characters take two septets", "^{}\\[~]|€\f", SmsEncoding.Gsm7, 1, 20 },
        { "80 euro signs fill one SMS", new string('€', 80), SmsEncoding.Gsm7, 1, 160 },
        { "81 euro signs need two", new string('€', 81), SmsEncoding.Gsm7, 2, 162 },
        { "an escape pair is not split", new string('a', 152) + "€" + new string('a', 152), SmsEncoding.Gsm7, 3, 306 },
        { "70 UCS-2", new string('ê', 70), SmsEncoding.Ucs2, 1, 70 },
        { "71 UCS-2", new string('ê', 71), SmsEncoding.Ucs2, 2, 71 },
        { "134 UCS-2", new string('ê', 134), SmsEncoding.Ucs2, 2, 134 },
        { "135 UCS-2", new string('ê', 135), SmsEncoding.Ucs2, 3, 135 },
        { "an emoji is two units", string.Concat(Enumerable.Repeat("😀", 35)), SmsEncoding.Ucs2, 1, 70 },
        { "a surrogate pair is not split", new string('a', 66) + "😀" + new string('a', 4), SmsEncoding.Ucs2, 2, 72 },
        { "one curly quote turns it all UCS-2", "It’s here: " + new string('a', 100), SmsEncoding.Ucs2, 2, 111 },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Counts_segments_like_a_handset(string name, string text, SmsEncoding encoding, int segments, int units)
    {
        var count = SmsSegments.Count(text);

        Assert.True(encoding == count.Encoding, name);
        Assert.True(segments == count.Segments, $"{name}: {count.Segments} segments");
        Assert.True(units == count.Units, $"{name}: {count.Units} units");
    }

    [Fact]
    public void Every_character_of_the_basic_alphabet_is_one_septet()
    {
        const string basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        var count = SmsSegments.Count(basic);

        Assert.Equal(127, basic.Length); // 128 code points less ESC, which leads into the extension table
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 1, 127, 127, null), count);
    }

    [Fact]
    public void The_character_that_forces_ucs2_is_named()
    {
        var check = SmsTextCheck.Of("whatsapp-link", "It’s on its way 👍 " + new string('a', 60));

        Assert.Equal("’", check.Count.FirstNonGsmCharacter);
        Assert.True(check.IsMultiSegment);
        Assert.Equal("SMS text whatsapp-link is 2 segments (79 units, UCS-2 because of '’')", check.Describe());
    }

    [Fact]
    public void More_than_1600_characters_is_too_long()
    {
        Assert.False(SmsTextCheck.Of("t", new string('a', 1600)).IsTooLong);
        var check = SmsTextCheck.Of("t", new string('a', 1601));

        Assert.True(check.IsTooLong);
        Assert.Equal("SMS text t has 1601 characters; the limit is 1600", check.Describe());
    }
}
