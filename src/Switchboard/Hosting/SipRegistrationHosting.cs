using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Switchboard.Hosting;

/// <summary>Wires the <c>Sip:Registrations</c> accounts into the server, registered on the SIP listener's user agent.</summary>
internal static class SipRegistrationHosting
{
    /// <summary>
    /// Reads the registrations now, so a bad entry or a missing password variable stops start-up, and adds the service that
    /// keeps them registered. Call it after <see cref="SipHosting.AddSip"/>: hosted services start in the order they are added,
    /// and the registrations need the running user agent.
    /// </summary>
    public static WebApplicationBuilder AddSipRegistrations(this WebApplicationBuilder builder)
    {
        var registrations = RegistrationSettings.ReadAll(builder.Configuration, Environment.GetEnvironmentVariable);
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<SipRegistrations>(services, registrations));
        builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<SipRegistrations>());
        return builder;
    }
}
