using System.Text.Json.Serialization;
using Switchboard.Sip.Registration;

namespace Switchboard.Hosting;

/// <summary>How one <c>Sip:Registrations</c> account stands, as <c>GET /healthz</c> reports it.</summary>
/// <param name="AddressOfRecord">The account.</param>
/// <param name="Registrar">Where it registers.</param>
/// <param name="State">Registered, Failed, or Unregistered (not yet answered, or removed).</param>
/// <param name="Until">When the current binding runs out unless refreshed, or null when not registered.</param>
/// <param name="LastFailure">The status of the last failed attempt (e.g. <c>403 Forbidden</c>), or null.</param>
internal sealed record RegistrationStatus(
    string AddressOfRecord,
    string Registrar,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RegistrationState>))] RegistrationState State,
    DateTimeOffset? Until,
    string? LastFailure)
{
    /// <summary>The status of <paramref name="registration"/> before its first answer.</summary>
    public static RegistrationStatus Starting(ConfiguredRegistration registration) =>
        new(registration.AddressOfRecord.ToString(), registration.Registrar.ToString(), RegistrationState.Unregistered, null, null);
}
