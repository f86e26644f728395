using System.Reflection;
using Microsoft.Extensions.Configuration;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transports;

namespace Switchboard.Hosting;

/// <summary>
/// One entry of <c>Sip:Registrations</c> as written in the settings: an account at a PBX or trunk that Switchboard keeps
/// registered, so the PBX sends that account's calls here. The password is never a setting: <see cref="PasswordEnv"/>
/// names the environment variable that holds it.
/// </summary>
internal sealed class RegistrationSettings
{
    /// <summary>The registration lifetime asked for when <c>Expires</c> is not set, in seconds.</summary>
    public const int DefaultExpires = 600;

    /// <summary>The registrar's URI, the Request-URI of REGISTER (e.g. <c>sip:pbx.example.com:5060</c>).</summary>
    public string? Registrar { get; set; }

    /// <summary>The user part of the address of record (the extension or trunk account).</summary>
    public string? User { get; set; }

    /// <summary>The host of the address of record; the registrar's host when unset.</summary>
    public string? Domain { get; set; }

    /// <summary>The user name answered to a Digest challenge; <see cref="User"/> when unset.</summary>
    public string? AuthUser { get; set; }

    /// <summary>The name of the environment variable that holds the password.</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>The registration lifetime asked for, in seconds.</summary>
    public int Expires { get; set; } = DefaultExpires;

    /// <summary>A proxy to send REGISTER to instead of the registrar's own address.</summary>
    public string? OutboundProxy { get; set; }

    /// <summary><c>udp</c> or <c>tcp</c>; by default the transport parameter of the URI sent to, else UDP.</summary>
    public string? Transport { get; set; }

    /// <summary>The user part of the Contact registered (the Request-URI user of calls sent here); <see cref="User"/> when unset.</summary>
    public string? ContactUser { get; set; }

    /// <summary>
    /// Reads and checks every <c>Sip:Registrations</c> entry. A problem is a <see cref="ConfigurationFileException"/> that names
    /// the full key (<c>Sip:Registrations:0:Registrar</c>), the value and the form it should have.
    /// </summary>
    /// <param name="configuration">The settings.</param>
    /// <param name="environment">Reads an environment variable (the password's), null when it is not set.</param>
    public static IReadOnlyList<ConfiguredRegistration> ReadAll(IConfiguration configuration, Func<string, string?> environment) =>
        [.. configuration.GetSection("Sip:Registrations").GetChildren().Select(entry => Read(configuration, entry, environment))];

    private static ConfiguredRegistration Read(IConfiguration configuration, IConfigurationSection entry, Func<string, string?> environment)
    {
        if (entry.Value is not null)
        {
            throw new ConfigurationFileException(
                $"{entry.Path}: '{entry.Value}' is not a registration; Sip:Registrations is a list of objects such as [{{ \"Registrar\": \"sip:pbx.example.com\", \"User\": \"1001\" }}].");
        }

        RejectUnknownKeys(entry);
        var settings = SettingsBinder.Bind<RegistrationSettings>(configuration, entry.Path);
        var key = entry.Path;
        var registrar = ParseUri(key, nameof(Registrar), Required(key, nameof(Registrar), settings.Registrar, "the registrar's SIP URI, e.g. sip:pbx.example.com:5060"));
        var user = Required(key, nameof(User), settings.User, "the account's user name, e.g. 1001");
        if (user.Contains('@', StringComparison.Ordinal))
        {
            throw new ConfigurationFileException($"{key}:{nameof(User)}: '{user}' is not a user name alone; write the part before @ (e.g. 1001) and put the host in {key}:{nameof(Domain)}.");
        }

        var domain = registrar.Host with { Port = null };
        if (Given(settings.Domain) is { } domainText && !HostPort.TryParse(domainText, out domain))
        {
            throw new ConfigurationFileException($"{key}:{nameof(Domain)}: '{domainText}' is not a host name or address (e.g. pbx.example.com).");
        }

        if (settings.Expires < 1)
        {
            throw new ConfigurationFileException($"{key}:{nameof(Expires)}: '{settings.Expires}' is not a number of seconds of at least 1.");
        }

        return new ConfiguredRegistration(
            key,
            registrar,
            new SipUri(false, user, domain),
            Given(settings.OutboundProxy) is { } proxy ? ParseUri(key, nameof(OutboundProxy), proxy) : null,
            Protocol(key, settings.Transport),
            Credentials(key, settings, user, environment),
            TimeSpan.FromSeconds(settings.Expires),
            Given(settings.ContactUser));
    }

    private static void RejectUnknownKeys(IConfigurationSection entry)
    {
        var known = typeof(RegistrationSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();
        foreach (var setting in entry.GetChildren())
        {
            if (setting.Key.Equals("Password", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConfigurationFileException(
                    $"{setting.Path}: a password is not read from the settings; put it in an environment variable and name that variable in {entry.Path}:{nameof(PasswordEnv)}.");
            }

            if (!known.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationFileException($"{setting.Path} is not a registration setting; use {string.Join(", ", known)}.");
            }
        }
    }

    private static DigestCredentials? Credentials(string key, RegistrationSettings settings, string user, Func<string, string?> environment)
    {
        if (Given(settings.PasswordEnv) is not { } variable)
        {
            return Given(settings.AuthUser) is null ? null : throw new ConfigurationFileException(
                $"{key}:{nameof(AuthUser)} is set but {key}:{nameof(PasswordEnv)} is not; name the environment variable that holds the password.");
        }

        var password = environment(variable);
        if (string.IsNullOrEmpty(password))
        {
            throw new ConfigurationFileException($"{key}:{nameof(PasswordEnv)}: the environment variable '{variable}' is not set; it must hold the password of {Given(settings.AuthUser) ?? user}.");
        }

        return new DigestCredentials(Given(settings.AuthUser) ?? user, password);
    }

    private static SipTransportProtocol? Protocol(string key, string? transport) => Given(transport)?.ToUpperInvariant() switch
    {
        null => null,
        "UDP" => SipTransportProtocol.Udp,
        "TCP" => SipTransportProtocol.Tcp,
        _ => throw new ConfigurationFileException($"{key}:{nameof(Transport)}: '{transport}' is not udp or tcp."),
    };

    private static SipUri ParseUri(string key, string name, string text)
    {
        if (!AddressUri.TryParse(text, out var uri, out var error) || uri is not SipUri { IsSecure: false } sip)
        {
            var reason = error.Length > 0 ? error : "not a sip: URI";
            throw new ConfigurationFileException($"{key}:{name}: '{text}' is not a SIP URI ({reason}); write it like sip:pbx.example.com:5060.");
        }

        return sip;
    }

    private static string Required(string key, string name, string? value, string expected) =>
        Given(value) ?? throw new ConfigurationFileException($"{key}:{name} is required: {expected}.");

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
