using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Switchboard.Messaging;
using Switchboard.Messaging.Smtp;
using Switchboard.Outbox;
using Switchboard.Testing;

namespace Switchboard.Core.Tests.Messaging.Smtp;

/// <summary>Against the real SMTP server (aiosmtpd) that tests/setup/30-smtp.sh starts.</summary>
[Trait("Category", Categories.Interop)]
public sealed class SmtpMessageSenderTests
{
    private static readonly string Server = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_SMTP")
        ?? throw new InvalidOperationException("SWITCHBOARD_TEST_SMTP is not set: run the tests through ./test.sh, which starts an SMTP server.");

    private static readonly string Spool = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_SMTP_SPOOL")!;

    [Fact]
    public async Task A_plain_mail_arrives_with_its_envelope_subject_body_and_message_id()
    {
        var message = Stored(OutgoingMessage.Email("operator@example.com", "Callback request: Ivanov", "Please call back +31 6 1234 5678 — ümlaut ✓"));

        var outcome = await Sender().SendAsync(message, default);

        Assert.Equal(SendOutcome.Sent($"<{message.Id}@switchboard>"), outcome);
        var mail = await ReceivedAsync(message.Id);
        Assert.Contains("X-Envelope-From: ivr@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("X-Envelope-To: operator@example.com", mail, StringComparison.Ordinal);
        Assert.Contains("X-Auth-User: \r\n", mail, StringComparison.Ordinal);
        Assert.Contains("X-TLS: no\r\n", mail, StringComparison.Ordinal);
        var parsed = await ParseAsync(mail);
        Assert.Equal("Callback request: Ivanov", parsed.Subject);
        Assert.Equal("Please call back +31 6 1234 5678 — ümlaut ✓", parsed.Body.TrimEnd());
    }

    [Fact]
    public async Task Auth_logs_in_with_the_configured_user()
    {
        var message = Stored(OutgoingMessage.Email("operator@auth.example.com", "with auth", "body"));

        var outcome = await Sender(o => (o.User, o.Password) = (User, Password)).SendAsync(message, default);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        Assert.Contains($"X-Auth-User: {User}\r\n", await ReceivedAsync(message.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_upgrades_the_connection_before_auth()
    {
        var message = Stored(OutgoingMessage.Email("operator@auth.example.com", "over TLS", "body"));

        var outcome = await Sender(o => (o.Host, o.Security, o.User, o.Password) = ("localhost", SmtpSecurity.StartTls, User, Password)).SendAsync(message, default);

        Assert.Equal(SendOutcomeKind.Sent, outcome.Kind);
        var mail = await ReceivedAsync(message.Id);
        Assert.Contains("X-TLS: yes\r\n", mail, StringComparison.Ordinal);
        Assert.Contains($"X-Auth-User: {User}\r\n", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_ends_in_a_permanent_refusal()
    {
        var outcome = await Sender(o => (o.User, o.Password) = (User, "wrong")).SendAsync(Stored(OutgoingMessage.Email("operator@auth.example.com", "s", "b")), default);

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.Equal("530", outcome.ErrorCode);
    }

    [Fact]
    public async Task A_rejected_mailbox_is_permanent_and_a_busy_one_transient()
    {
        var rejected = await Sender().SendAsync(Stored(OutgoingMessage.Email("nobody@example.com", "s", "b")), default);
        var busy = await Sender().SendAsync(Stored(OutgoingMessage.Email("busy@example.com", "s", "b")), default);

        Assert.Equal(SendOutcomeKind.Permanent, rejected.Kind);
        Assert.Equal("550", rejected.ErrorCode);
        Assert.Equal(SendOutcomeKind.Transient, busy.Kind);
        Assert.Equal("451", busy.ErrorCode);
    }

    [Fact]
    public async Task An_unreachable_server_is_transient()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var outcome = await Sender(o => o.Port = closedPort).SendAsync(Stored(OutgoingMessage.Email("operator@example.com", "s", "b")), default);

        Assert.Equal(SendOutcomeKind.Transient, outcome.Kind);
    }

    [Fact]
    public async Task An_invalid_address_is_permanent_without_contacting_the_server()
    {
        var outcome = await Sender().SendAsync(Stored(OutgoingMessage.Email("not an address", "s", "b")), default);

        Assert.Equal(SendOutcomeKind.Permanent, outcome.Kind);
        Assert.StartsWith("invalid address", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    private static string User => Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_SMTP_USER")!;

    private static string Password => Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_SMTP_PASSWORD")!;

    private static SmtpMessageSender Sender(Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions
        {
            Host = Server.Split(':')[0],
            Port = int.Parse(Server.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture),
            From = "ivr@example.com",
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new SmtpMessageSender(Options.Create(options));
    }

    private static StoredMessage Stored(OutgoingMessage message) => new()
    {
        Id = Guid.NewGuid().ToString(),
        IdempotencyKey = "k",
        Message = message,
        Status = MessageStatus.Sending,
    };

    private static async Task<string> ReceivedAsync(string id)
    {
        for (var i = 0; i < 100; i++)
        {
            foreach (var file in Directory.GetFiles(Spool, "*.eml"))
            {
                var text = await File.ReadAllTextAsync(file);
                if (text.Contains($"<{id}@switchboard>", StringComparison.Ordinal))
                {
                    return text;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"mail {id} did not arrive in {Spool}");
    }

    // The Python standard library's e-mail parser decodes what we sent (RFC 2047 subject, transfer encoding, charset).
    private static async Task<(string Subject, string Body)> ParseAsync(string mail)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, mail);
        using var python = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-c", "import email, email.policy, sys, json; m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=email.policy.default); print(json.dumps([str(m['subject']), m.get_content()]))", file },
            RedirectStandardOutput = true,
        })!;
        var output = await python.StandardOutput.ReadToEndAsync();
        await python.WaitForExitAsync();
        File.Delete(file);
        var parts = System.Text.Json.JsonSerializer.Deserialize<string[]>(output)!;
        return (parts[0], parts[1]);
    }
}
