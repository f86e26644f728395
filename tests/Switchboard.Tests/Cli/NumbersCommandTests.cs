using System.CommandLine;
using System.Text.Json;
using Switchboard.Cli;

namespace Switchboard.Tests.Cli;

public sealed class NumbersCommandTests : IDisposable
{
    private readonly string _configPath = Path.Combine(Path.GetTempPath(), $"switchboard-{Guid.NewGuid():N}.json");

    [Fact]
    public void Json_lines_carry_validity_e164_region_and_type()
    {
        var (exit, lines, _) = Run(["numbers", "classify", "--json", "+3197012345678", "0049 170 1234567", "0900 1234567"]);

        Assert.Equal(0, exit);
        Assert.Collection(
            lines.Select(l => JsonDocument.Parse(l).RootElement),
            mobile => AssertNumber(mobile, "+3197012345678", "NL", "MOBILE"),
            german => AssertNumber(german, "+491701234567", "DE", "MOBILE"),
            premium => AssertNumber(premium, "+319001234567", "NL", "PREMIUM_RATE"));
    }

    [Fact]
    public void Extensions_withheld_values_and_non_numbers_get_a_kind_and_non_numbers_an_error()
    {
        var (_, lines, _) = Run(["numbers", "classify", "--json", "101", "anonymous", "call me"]);
        var (extension, withheld, nothing) = (Parse(lines[0]), Parse(lines[1]), Parse(lines[2]));

        Assert.Equal("extension", extension.GetProperty("kind").GetString());
        Assert.Equal("101", extension.GetProperty("extension").GetString());
        Assert.False(extension.GetProperty("valid").GetBoolean());
        Assert.Equal("withheld", withheld.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, withheld.GetProperty("e164").ValueKind);
        Assert.Equal("not-a-number", nothing.GetProperty("kind").GetString());
        Assert.False(string.IsNullOrEmpty(nothing.GetProperty("error").GetString()));
        Assert.False(extension.TryGetProperty("error", out _));
    }

    [Fact]
    public void Standard_input_gets_exactly_one_line_per_line_whatever_it_holds()
    {
        string[] input =
        [
            "0612345678", "", "anonymous", "garbage \u0001 with control", new string('9', 5000), "+", "tel:;phone-context=",
            "sip:@", "<>", "0031 6 1234 5678", "\"Bob\" <sip:0612345678@pbx;transport=udp>", "+0", "00", "+31 6",
        ];
        var stdin = string.Join('\n', input) + '\n';

        var (exit, lines, _) = Run(["numbers", "classify", "--json"], stdin);

        Assert.Equal(0, exit);
        Assert.Equal(input.Length, lines.Length);
        for (var i = 0; i < input.Length; i++)
        {
            Assert.Equal(input[i], Parse(lines[i]).GetProperty("input").GetString());
        }

        Assert.Equal("+31612345678", Parse(lines[9]).GetProperty("e164").GetString());
        Assert.Equal("+31612345678", Parse(lines[10]).GetProperty("e164").GetString());
    }

    [Theory]
    [InlineData("0612345678\r\nanonymous\r\n", 2)]
    [InlineData("06123\r45678\n101", 2)]
    [InlineData("\n\n\n", 3)]
    [InlineData("no newline at the end", 1)]
    public void Lines_are_split_at_newlines_only(string stdin, int lines)
    {
        var (_, output, _) = Run(["numbers", "classify", "--json"], stdin);

        Assert.Equal(lines, output.Length);
        Assert.DoesNotContain(output, line => Parse(line).GetProperty("input").GetString()!.EndsWith('\r'));
    }

    [Fact]
    public void The_table_has_a_header_and_one_row_per_number()
    {
        var (_, lines, _) = Run(["numbers", "classify", "+31 85 888 8888", "101"]);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("INPUT", lines[0], StringComparison.Ordinal);
        Assert.Contains("VOIP", lines[1], StringComparison.Ordinal);
        Assert.Contains("extension", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_in_table_form_has_no_header()
    {
        var (_, lines, _) = Run(["numbers", "classify"], "0612345678\nanonymous\n");

        Assert.Equal(2, lines.Length);
        Assert.Contains("MOBILE", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_region_comes_from_the_option_else_from_configuration()
    {
        File.WriteAllText(_configPath, """{ "Numbers": { "DefaultRegion": "US", "MaxExtensionDigits": "3" } }""");

        var fromConfig = Parse(Run(["numbers", "classify", "--json", "--config", _configPath, "2015550123"]).Lines[0]);
        var fromOption = Parse(Run(["numbers", "classify", "--json", "--config", _configPath, "--region", "NL", "0612345678"]).Lines[0]);
        var longExtension = Parse(Run(["numbers", "classify", "--json", "--config", _configPath, "1234"]).Lines[0]);

        AssertNumber(fromConfig, "+12015550123", "US", "FIXED_LINE_OR_MOBILE");
        AssertNumber(fromOption, "+31612345678", "NL", "MOBILE");
        Assert.Equal("number", longExtension.GetProperty("kind").GetString());
    }

    [Fact]
    public void An_unknown_region_is_refused_with_a_clear_error()
    {
        var (exit, lines, error) = Run(["numbers", "classify", "--region", "XX", "0612345678"]);

        Assert.Equal(2, exit);
        Assert.Empty(lines);
        Assert.Contains("'XX' is not a region code", error, StringComparison.Ordinal);
    }

    private static void AssertNumber(JsonElement line, string e164, string region, string type)
    {
        Assert.True(line.GetProperty("valid").GetBoolean());
        Assert.Equal(e164, line.GetProperty("e164").GetString());
        Assert.Equal(region, line.GetProperty("region").GetString());
        Assert.Equal(type, line.GetProperty("type").GetString());
        Assert.Equal("number", line.GetProperty("kind").GetString());
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement;

    private static (int Exit, string[] Lines, string Error) Run(string[] args, string stdin = "")
    {
        var root = new RootCommand { NumbersCommand.Create(() => new StringReader(stdin)) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (exit, lines, error.ToString());
    }

    public void Dispose() => File.Delete(_configPath);
}
