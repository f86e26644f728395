using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Messaging.Twilio;
using Switchboard.Testing;

namespace Switchboard.Core.Tests.Messaging.Twilio;

public sealed class TwilioSignatureTests
{
    private static readonly KeyValuePair<string, string>[] PublishedParameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+12349013030"),
        new("Digits", "1234"),
        new("From", "+12349013030"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void The_published_example_signs_as_documented()
    {
        var signature = TwilioSignature.Compute("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", PublishedParameters.Reverse());

        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", signature);
        Assert.True(TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", PublishedParameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
    }

    [Theory]
    [InlineData("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", "0/KCTR6DLpKmkAf8muzZqo1nDgQ")]
    [InlineData("12346", "https://mycompany.com/myapp.php?foo=1&bar=2", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    [InlineData("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    [InlineData("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", "")]
    [InlineData("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", null)]
    [InlineData("", "https://mycompany.com/myapp.php?foo=1&bar=2", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")]
    public void Anything_but_the_exact_signature_is_refused(string token, string url, string? signature) =>
        Assert.False(TwilioSignature.IsValid(token, url, PublishedParameters, signature));

    [Fact]
    public void A_changed_parameter_is_refused() =>
        Assert.False(TwilioSignature.IsValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=2",
            [.. PublishedParameters[..4], new("To", "+18005551213")], "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));

    [Theory]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2")]
    public void The_url_is_accepted_with_or_without_the_default_port(string received)
    {
        var signedWithPort = TwilioSignature.Compute("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", PublishedParameters);

        Assert.True(TwilioSignature.IsValid("12345", received, PublishedParameters, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.True(TwilioSignature.IsValid("12345", received, PublishedParameters, signedWithPort));
    }

    [Fact]
    [Trait("Category", Categories.Interop)]
    public async Task Signatures_match_the_official_node_package_for_many_urls_and_parameter_sets()
    {
        var random = new Random(20261121);
        var cases = Enumerable.Range(0, 300).Select(_ => RandomCase(random)).ToList();

        var oracle = await RunOracleAsync(cases);

        for (var i = 0; i < cases.Count; i++)
        {
            var (token, url, parameters) = cases[i];
            var expected = oracle[i]!["signature"]!.GetValue<string>();
            Assert.True(expected == TwilioSignature.Compute(token, url, parameters), $"case {i}: {url} {JsonSerializer.Serialize(parameters)}");
            Assert.True(TwilioSignature.IsValid(token, url, parameters, expected), $"case {i} not accepted");
            Assert.True(oracle[i]!["accepts"]!.GetValue<bool>(), $"case {i}: node refuses our signature");
        }
    }

    private static (string Token, string Url, List<KeyValuePair<string, string>> Parameters) RandomCase(Random random)
    {
        string[] hosts = ["example.com", "switchboard.example.org:8443", "127.0.0.1:8080", "[::1]:9000", "xn--bcher-kva.example"];
        string[] paths = ["/twilio/messages/status", "/", "/a/b c/ü", "/hooks/sms.php", "/cb;v=1"];
        string[] queries = ["", "?foo=1&bar=2", "?q=a%20b&x=%27y%27", "?empty=&z=1", "?utf=%C3%A9"];
        string[] names = ["MessageSid", "MessageStatus", "ErrorCode", "To", "From", "Body", "AccountSid", "SmsSid", "a", "A", "b_1", "Ä", "Digits"];
        string[] values = ["", "SMabc", "delivered", "+31612345678", "hello world", "ünïcødé ✓", "a&b=c", "30003", "line\nbreak", "1", "€", "😀"];
        var scheme = random.Next(2) == 0 ? "https://" : "http://";
        var url = scheme + hosts[random.Next(hosts.Length)] + paths[random.Next(paths.Length)] + queries[random.Next(queries.Length)];
        var parameters = new List<KeyValuePair<string, string>>();
        for (var n = random.Next(0, 9); n > 0; n--)
        {
            parameters.Add(new(names[random.Next(names.Length)], values[random.Next(values.Length)]));
        }

        var token = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
        return (token, url, parameters);
    }

    private static async Task<JsonArray> RunOracleAsync(List<(string Token, string Url, List<KeyValuePair<string, string>> Parameters)> cases)
    {
        var oracles = RepoPaths.InRepo("tests", "oracles");
        Assert.True(Directory.Exists(Path.Combine(oracles, "node_modules", "twilio")), "the twilio npm package is missing: run ./test.sh (tests/setup/10-node-oracles.sh installs it)");
        var input = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["token"] = c.Token,
            ["url"] = c.Url,
            ["params"] = ToNodeParams(c.Parameters),
            ["check"] = TwilioSignature.Compute(c.Token, c.Url, c.Parameters),
        }).ToArray());

        using var node = Process.Start(new ProcessStartInfo("node", "twilio-signature.js")
        {
            WorkingDirectory = oracles,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await node.StandardInput.WriteAsync(input.ToJsonString());
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, errors);
        return JsonNode.Parse(output)!.AsArray();
    }

    // The twilio package takes a parsed form: a repeated name becomes an array of its values.
    private static JsonObject ToNodeParams(List<KeyValuePair<string, string>> parameters)
    {
        var result = new JsonObject();
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal))
        {
            var groupValues = group.Select(p => p.Value).ToList();
            result[group.Key] = groupValues.Count == 1 ? groupValues[0] : new JsonArray(groupValues.Select(v => (JsonNode)v!).ToArray());
        }

        return result;
    }
}
