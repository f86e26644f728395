using Microsoft.Extensions.Configuration;
using Switchboard.Sip.Auth;

namespace Switchboard.Hosting;

/// <summary>
/// <c>Sip:Authentication</c>: turns on the Digest server for INVITEs from sources outside <c>Sip:AllowedSources</c> (a PBX or
/// phone that signs in instead of being listed by address). Passwords come from environment variables named in the settings.
/// </summary>
internal static class SipAuthenticationSettings
{
    private const string Key = "Sip:Authentication";

    /// <summary>The Digest server's options, or null when <c>Sip:Authentication</c> is not set (outside sources then get 403).</summary>
    public static DigestServerOptions? Read(IConfiguration configuration, Func<string, string?> environment)
    {
        var section = configuration.GetSection(Key);
        if (!section.Exists())
        {
            return null;
        }

        var realm = section["Realm"];
        if (string.IsNullOrWhiteSpace(realm))
        {
            throw new ConfigurationFileException($"{Key}:Realm: is missing; name the realm callers sign in to (e.g. the server's domain).");
        }

        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        var users = section.GetSection("Users").GetChildren().ToList();
        if (users.Count == 0)
        {
            throw new ConfigurationFileException($"{Key}:Users: is empty; list at least one {{ \"User\": …, \"PasswordEnv\": … }}.");
        }

        foreach (var user in users)
        {
            var prefix = $"{Key}:Users:{user.Key}";
            var name = user["User"];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ConfigurationFileException($"{prefix}:User: is missing; give the user name the caller signs in with.");
            }

            if (user["Password"] is not null)
            {
                throw new ConfigurationFileException($"{prefix}:Password: a password is not read from the settings; put it in an environment variable and name that variable in {prefix}:PasswordEnv.");
            }

            var variable = user["PasswordEnv"];
            if (string.IsNullOrWhiteSpace(variable))
            {
                throw new ConfigurationFileException($"{prefix}:PasswordEnv: is missing; name the environment variable that holds {name}'s password.");
            }

            passwords[name] = environment(variable) is { Length: > 0 } password
                ? password
                : throw new ConfigurationFileException($"{prefix}:PasswordEnv: the environment variable '{variable}' is not set; it must hold the password of {name}.");
        }

        var algorithms = section.GetSection("Algorithms").GetChildren().Select(a => a.Value ?? "").ToArray();
        try
        {
            var options = new DigestServerOptions { Realm = realm, Passwords = user => passwords.GetValueOrDefault(user) };
            return algorithms.Length > 0 ? options with { Algorithms = algorithms } : options;
        }
        catch (ArgumentException)
        {
            throw new ConfigurationFileException($"{Key}:Algorithms: '{string.Join(", ", algorithms)}' is not a list of MD5 and SHA-256.");
        }
    }
}
