using Microsoft.Extensions.Configuration;
using Switchboard.Hosting;
using Switchboard.Sip.Transports;

namespace Switchboard.Tests.Hosting;

public sealed class RegistrationSettingsTests
{
    private const string Entry = "Sip:Registrations:0";
    private static readonly Dictionary<string, string> Variables = new() { ["PBX_PASSWORD"] = "s3cret" };

    [Fact]
    public void A_full_entry_reads_into_the_account_its_credentials_and_the_next_hop()
    {
        var registration = ReadOne(
            ("Registrar", "sip:pbx.example.com:5070"), ("User", "switchboard"), ("AuthUser", "1001"), ("PasswordEnv", "PBX_PASSWORD"),
            ("Expires", "300"), ("OutboundProxy", "sip:proxy.example.com:5080"), ("Transport", "TCP"), ("ContactUser", "ivr"));

        Assert.Equal("sip:pbx.example.com:5070", registration.Registrar.ToString());
        Assert.Equal("sip:switchboard@pbx.example.com", registration.AddressOfRecord.ToString());
        Assert.Equal(("1001", "s3cret"), (registration.Credentials!.Username, registration.Credentials.Password));
        Assert.Equal(TimeSpan.FromSeconds(300), registration.Expires);
        Assert.Equal(SipTransportProtocol.Tcp, registration.Transport);
        Assert.Equal("ivr", registration.ContactUser);
        Assert.Equal(("sip:proxy.example.com:5080", $"{Entry}:OutboundProxy"), (registration.NextHop.Uri.ToString(), registration.NextHop.Key));
    }

    [Fact]
    public void A_minimal_entry_takes_the_registrars_host_the_default_lifetime_and_no_credentials()
    {
        var registration = ReadOne(("Registrar", "sip:10.0.0.5:5060"), ("User", "1001"));

        Assert.Equal("sip:1001@10.0.0.5", registration.AddressOfRecord.ToString());
        Assert.Null(registration.Credentials);
        Assert.Null(registration.Transport);
        Assert.Null(registration.ContactUser);
        Assert.Equal(TimeSpan.FromSeconds(RegistrationSettings.DefaultExpires), registration.Expires);
        Assert.Equal(($"{Entry}:Registrar", "sip:10.0.0.5:5060"), (registration.NextHop.Key, registration.NextHop.Uri.ToString()));
    }

    [Fact]
    public void The_auth_user_defaults_to_the_user_and_a_domain_replaces_the_registrars_host()
    {
        var registration = ReadOne(("Registrar", "sip:203.0.113.7"), ("User", "31201234567"), ("Domain", "sip.carrier.example"), ("PasswordEnv", "PBX_PASSWORD"));

        Assert.Equal("31201234567", registration.Credentials!.Username);
        Assert.Equal("sip:31201234567@sip.carrier.example", registration.AddressOfRecord.ToString());
    }

    [Fact]
    public void No_registrations_section_means_none()
    {
        Assert.Empty(RegistrationSettings.ReadAll(Settings(), Variables.GetValueOrDefault));
    }

    [Fact]
    public void Entries_keep_their_order_and_each_error_names_its_own_index()
    {
        var configuration = Settings(
            ("Sip:Registrations:0:Registrar", "sip:a.example.com"), ("Sip:Registrations:0:User", "a"),
            ("Sip:Registrations:1:Registrar", "sip:b.example.com"), ("Sip:Registrations:1:User", "b"));
        Assert.Equal(["a", "b"], RegistrationSettings.ReadAll(configuration, Variables.GetValueOrDefault).Select(r => r.AddressOfRecord.User));

        var broken = Settings(
            ("Sip:Registrations:0:Registrar", "sip:a.example.com"), ("Sip:Registrations:0:User", "a"),
            ("Sip:Registrations:1:Registrar", "b.example.com"), ("Sip:Registrations:1:User", "b"));
        var error = Assert.Throws<ConfigurationFileException>(() => RegistrationSettings.ReadAll(broken, Variables.GetValueOrDefault));
        Assert.StartsWith("Sip:Registrations:1:Registrar: 'b.example.com' is not a SIP URI", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadEntries => new()
    {
        { ["User=1001"], $"{Entry}:Registrar is required: the registrar's SIP URI, e.g. sip:pbx.example.com:5060." },
        { ["Registrar=sip:pbx.example.com"], $"{Entry}:User is required: the account's user name, e.g. 1001." },
        { ["Registrar=pbx.example.com:5060", "User=1001"], $"{Entry}:Registrar: 'pbx.example.com:5060' is not a SIP URI" },
        { ["Registrar=sips:pbx.example.com", "User=1001"], $"{Entry}:Registrar: 'sips:pbx.example.com' is not a SIP URI (not a sip: URI); write it like sip:pbx.example.com:5060." },
        { ["Registrar=sip:pbx.example.com", "User=1001@pbx.example.com"], $"{Entry}:User: '1001@pbx.example.com' is not a user name alone; write the part before @ (e.g. 1001) and put the host in {Entry}:Domain." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "Domain=[nope"], $"{Entry}:Domain: '[nope' is not a host name or address (e.g. pbx.example.com)." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "Expires=ten"], $"{Entry}:Expires: 'ten' is not a whole number." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "Expires=0"], $"{Entry}:Expires: '0' is not a number of seconds of at least 1." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "Transport=tls"], $"{Entry}:Transport: 'tls' is not udp or tcp." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "OutboundProxy=proxy:5060"], $"{Entry}:OutboundProxy: 'proxy:5060' is not a SIP URI" },
        { ["Registrar=sip:pbx.example.com", "User=1001", "PasswordEnv=UNSET_VARIABLE"], $"{Entry}:PasswordEnv: the environment variable 'UNSET_VARIABLE' is not set; it must hold the password of 1001." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "AuthUser=auth1001"], $"{Entry}:AuthUser is set but {Entry}:PasswordEnv is not; name the environment variable that holds the password." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "Password=hunter2"], $"{Entry}:Password: a password is not read from the settings; put it in an environment variable and name that variable in {Entry}:PasswordEnv." },
        { ["Registrar=sip:pbx.example.com", "User=1001", "Pasword=x"], $"{Entry}:Pasword is not a registration setting; use Registrar, User, Domain, AuthUser, PasswordEnv, Expires, OutboundProxy, Transport, ContactUser." },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Every_error_names_the_full_key_and_what_is_expected(string[] entry, string message)
    {
        var configuration = Settings([.. entry.Select(e => e.Split('=', 2)).Select(kv => ($"{Entry}:{kv[0]}", kv[1]))]);

        var error = Assert.Throws<ConfigurationFileException>(() => RegistrationSettings.ReadAll(configuration, Variables.GetValueOrDefault));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_object_instead_of_a_list_is_named()
    {
        var configuration = Settings(("Sip:Registrations:Registrar", "sip:pbx.example.com"), ("Sip:Registrations:User", "1001"));

        var error = Assert.Throws<ConfigurationFileException>(() => RegistrationSettings.ReadAll(configuration, Variables.GetValueOrDefault));

        Assert.StartsWith("Sip:Registrations:Registrar: 'sip:pbx.example.com' is not a registration; Sip:Registrations is a list of objects", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_does_not_start_when_the_password_variable_is_missing()
    {
        var variable = $"SWITCHBOARD_TEST_UNSET_{Guid.NewGuid():N}";
        using var config = new TestServerConfig(new()
        {
            ["Sip"] = new
            {
                Listen = new[] { "udp:127.0.0.1:0" },
                Registrations = new[] { new { Registrar = "sip:127.0.0.1:5999", User = "1001", PasswordEnv = variable } },
            },
        });

        var error = Assert.Throws<ConfigurationFileException>(() => ServerHost.Build(config.File));

        Assert.StartsWith($"{Entry}:PasswordEnv: the environment variable '{variable}' is not set", error.Message, StringComparison.Ordinal);
    }

    private static ConfiguredRegistration ReadOne(params (string Key, string Value)[] entry) =>
        RegistrationSettings.ReadAll(Settings([.. entry.Select(e => ($"{Entry}:{e.Key}", e.Value))]), Variables.GetValueOrDefault).Single();

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
