namespace Switchboard.Numbers.Tests;

public sealed class NumberPlanReadTests
{
    private static readonly NumberPlan Plan = NumberPlan.Default;

    public static TheoryData<string, string, string, string, NumberType> Numbers => new()
    {
        // input, default region, E.164, region, type
        { "+31612345678", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "+3197012345678", "NL", "+3197012345678", "NL", NumberType.Mobile },
        { "+31662345678", "NL", "+31662345678", "NL", NumberType.Pager },
        { "0049 170 1234567", "NL", "+491701234567", "DE", NumberType.Mobile },
        { "+31 85 888 8888", "NL", "+31858888888", "NL", NumberType.Voip },
        { "0900 1234567", "NL", "+319001234567", "NL", NumberType.PremiumRate },
        { "0612345678", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "06-12 34.56 78", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "0031612345678", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "31612345678", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "020 123 4567", "NL", "+31201234567", "NL", NumberType.FixedLine },
        { "0800 1234", "NL", "+318001234", "NL", NumberType.TollFree },
        { "tel:+31-6-1234-5678", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "tel:6-1234-5678;phone-context=+31", "US", "+31612345678", "NL", NumberType.Mobile },
        { "sip:+31612345678@pbx.example;user=phone", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "sip:0612345678@host", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "\"Alice\" <sip:+31612345678@pbx.example>;tag=1", "NL", "+31612345678", "NL", NumberType.Mobile },
        { "(201) 555-0123", "US", "+12015550123", "US", NumberType.FixedLineOrMobile },
        { "011 31 6 12345678", "US", "+31612345678", "NL", NumberType.Mobile },
        { "1 201 555 0123", "US", "+12015550123", "US", NumberType.FixedLineOrMobile },
        { "+1 416 555 0123", "NL", "+14165550123", "CA", NumberType.FixedLineOrMobile },
        { "+1 242 322 1234", "US", "+12423221234", "BS", NumberType.FixedLine },
        { "+44 7400 123456", "NL", "+447400123456", "GB", NumberType.Mobile },
        { "+44 7911 123456", "NL", "+447911123456", "GG", NumberType.Mobile },
        { "+44 1481 256789", "NL", "+441481256789", "GG", NumberType.FixedLine },
        { "+7 701 123 4567", "NL", "+77011234567", "KZ", NumberType.Mobile },
        { "+7 912 345 6789", "NL", "+79123456789", "RU", NumberType.Mobile },
        { "+39 06 1234 5678", "NL", "+390612345678", "IT", NumberType.FixedLine },
        { "06 1234 5678", "IT", "+390612345678", "IT", NumberType.FixedLine },
        { "+49 (0) 30 123456", "NL", "+4930123456", "DE", NumberType.FixedLine },
        { "+31612345678 ext. 12", "NL", "+31612345678", "NL", NumberType.Mobile },
        // Regions sharing a country code, NANP dialling and Italian numbers that keep their leading zero.
        { "+39 312 345 6789", "NL", "+393123456789", "IT", NumberType.Mobile },
        { "0039 06 6982 1234", "NL", "+390669821234", "VA", NumberType.FixedLine },
        { "+44 1534 456789", "NL", "+441534456789", "JE", NumberType.FixedLine },
        { "01481 256789", "GG", "+441481256789", "GG", NumberType.FixedLine },
        { "011 44 20 7946 0000", "US", "+442079460000", "GB", NumberType.FixedLine },
        { "1 (416) 555-0123", "US", "+14165550123", "CA", NumberType.FixedLineOrMobile },
        { "345 9367124", "US", "+13459367124", "KY", NumberType.Mobile },
        { "9367124", "KY", "+13459367124", "KY", NumberType.Mobile },
        { "+1 268 460 1234", "NL", "+12684601234", "AG", NumberType.FixedLine },
        { "8 (912) 345-67-89", "RU", "+79123456789", "RU", NumberType.Mobile },
        { "8 701 123 4567", "KZ", "+77011234567", "KZ", NumberType.Mobile },
        { "+7 7172 123456", "NL", "+77172123456", "KZ", NumberType.FixedLine },
        { "+61 4 1234 5678", "NL", "+61412345678", "AU", NumberType.Mobile },
    };

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Reads_a_valid_number(string input, string region, string e164, string expectedRegion, NumberType type)
    {
        var reading = Plan.Read(input, region);

        Assert.Equal(ReadingKind.Number, reading.Kind);
        var number = reading.Number!;
        Assert.True(number.IsValid, $"{input} should be valid");
        Assert.Equal(e164, number.E164);
        Assert.Equal(expectedRegion, number.RegionCode);
        Assert.Equal(type, number.Type);
    }

    [Theory]
    [InlineData("101", "101")]
    [InlineData("1", "1")]
    [InlineData("2000", "2000")]
    [InlineData(" 42 ", "42")]
    [InlineData("sip:101@pbx.example", "101")]
    public void Short_digit_strings_are_extensions(string input, string extension)
    {
        var reading = Plan.Read(input, "NL");

        Assert.Equal(ReadingKind.Extension, reading.Kind);
        Assert.Equal(extension, reading.Extension);
        Assert.Null(reading.Number);
    }

    [Fact]
    public void The_extension_length_is_configurable()
    {
        Assert.Equal(ReadingKind.Extension, Plan.Read("12345", "NL", maxExtensionDigits: 5).Kind);
        Assert.Equal(ReadingKind.Number, Plan.Read("12345", "NL", maxExtensionDigits: 4).Kind);
        Assert.Equal(ReadingKind.Number, Plan.Read("+101", "NL").Kind is var kind && kind == ReadingKind.Extension ? ReadingKind.Extension : ReadingKind.Number);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("RESTRICTED")]
    [InlineData("unavailable")]
    [InlineData("private")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("sip:anonymous@anonymous.invalid")]
    [InlineData("\"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=abc")]
    public void Withheld_values_are_recognised(string? input)
    {
        var reading = Plan.Read(input, "NL");

        Assert.Equal(ReadingKind.Withheld, reading.Kind);
        Assert.Null(reading.Number);
    }

    [Theory]
    [InlineData("hello", "no telephone number in the input")]
    [InlineData("+0612345678", "no country calling code, and no default region to read it in")]
    [InlineData("+999 1234567", "no country calling code, and no default region to read it in")]
    [InlineData("0", null)]
    [InlineData("#*#", "no telephone number in the input")]
    [InlineData("1234567890123456789012", "too many digits for a telephone number")]
    public void Input_that_is_no_number_says_why(string input, string? error)
    {
        var reading = Plan.Read(input, "NL", maxExtensionDigits: 0);

        Assert.Equal(ReadingKind.NotANumber, reading.Kind);
        Assert.NotNull(reading.Error);
        if (error is not null)
        {
            Assert.Equal(error, reading.Error);
        }
    }

    [Theory]
    [InlineData("+3161234567", "NL")]
    [InlineData("12345", "NL")]
    [InlineData("+1 201 555 012", "US")]
    [InlineData("+44 1624 456789", "NL")]
    public void An_invalid_number_is_still_a_number_with_its_E164(string input, string region)
    {
        var number = Plan.Read(input, region).Number!;

        Assert.False(number.IsValid);
        Assert.Null(number.RegionCode);
        Assert.Equal(NumberType.Unknown, number.Type);
        Assert.StartsWith("+", number.E164, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_geographic_number_is_valid_without_a_region()
    {
        var number = Plan.Read("+800 1234 5678", "NL").Number!;

        Assert.True(number.IsValid);
        Assert.Null(number.RegionCode);
        Assert.Equal(NumberType.TollFree, number.Type);
        Assert.Equal(800, number.CountryCode);
        Assert.Equal("12345678", number.NationalNumber);
    }

    [Theory]
    [InlineData("+31612345678", "NL")]
    [InlineData("+3197012345678", "NL")]
    [InlineData("+12015550123", "US")]
    [InlineData("+14165550123", "NL")]
    [InlineData("+12423221234", "US")]
    [InlineData("+441481256789", "GB")]
    [InlineData("+77011234567", "RU")]
    [InlineData("+390669821234", "IT")]
    [InlineData("+491701234567", "DE")]
    [InlineData("+80012345678", "NL")]
    public void Classifying_an_E164_string_allocates_nothing(string e164, string region)
    {
        Plan.Classify(e164, region);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var classification = Plan.Classify(e164, region);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(classification.IsValid);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Reading_a_canonical_E164_string_reuses_it()
    {
        const string E164 = "+31612345678";

        Assert.Same(E164, Plan.Read(E164, "NL").Number!.E164);
    }

    [Fact]
    public void An_unknown_default_region_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => Plan.Read("0612345678", "XX"));
    }

    [Theory]
    [InlineData("+31612345678", "NL", true, "NL", NumberType.Mobile, ReadingKind.Number)]
    [InlineData("0612", "NL", false, null, NumberType.Unknown, ReadingKind.Extension)]
    [InlineData("anonymous", "NL", false, null, NumberType.Unknown, ReadingKind.Withheld)]
    [InlineData("nothing", "NL", false, null, NumberType.Unknown, ReadingKind.NotANumber)]
    public void Classify_agrees_with_read(string input, string region, bool valid, string? regionCode, NumberType type, ReadingKind kind)
    {
        var classification = Plan.Classify(input, region);

        Assert.Equal(new NumberClassification(kind, valid, valid ? 31 : 0, regionCode, type), classification);
    }
}
