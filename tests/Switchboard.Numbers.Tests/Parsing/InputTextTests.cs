using Switchboard.Numbers.Parsing;

namespace Switchboard.Numbers.Tests.Parsing;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("+31612345678", "+31612345678")]
    [InlineData("+31 (0)6-12.34/56 78", "+310612345678")]
    [InlineData("Call 020 123 4567 now", "0201234567")]
    [InlineData("+31 6 12345678 ext. 12", "+31612345678")]
    [InlineData("+31 6 12345678;ext=12", "+31612345678")]
    [InlineData("tel:+31-6-1234-5678;isub=77", "+31612345678")]
    [InlineData("tel:6-1234-5678;phone-context=+31", "+31612345678")]
    [InlineData("\uFF0B\uFF13\uFF11\uFF16", "316")]
    [InlineData("\u0660\u0666\u0661\u0662", "0612")]
    public void Reduces_text_to_a_plus_and_digits(string text, string expected)
    {
        var buffer = new char[InputText.BufferLength(text.Length)];

        Assert.Equal(ParseFailure.None, InputText.Normalize(text, buffer, out var written));
        Assert.Equal(expected, new string(buffer, 0, written));
    }

    [Theory]
    [InlineData("", nameof(ParseFailure.NotANumber))]
    [InlineData("no digits", nameof(ParseFailure.NotANumber))]
    [InlineData("5", nameof(ParseFailure.TooShort))]
    [InlineData("+12", nameof(ParseFailure.TooShort))]
    [InlineData("tel:123;phone-context=", nameof(ParseFailure.NotANumber))]
    [InlineData("12 abc 34", nameof(ParseFailure.NotANumber))]
    [InlineData("31+6", nameof(ParseFailure.NotANumber))]
    public void Rejects_text_without_a_number_with_a_reason(string text, string failure)
    {
        var buffer = new char[InputText.BufferLength(text.Length)];

        Assert.Equal(failure, InputText.Normalize(text, buffer, out _).ToString());
    }

    [Fact]
    public void Rejects_text_longer_than_libphonenumber_reads()
    {
        var text = new string('1', InputText.MaxLength + 1);

        Assert.Equal(ParseFailure.TooLong, InputText.Normalize(text, new char[InputText.BufferLength(text.Length)], out _));
    }
}
