using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Hosting;
using Switchboard.Storage;
using Switchboard.Storage.Migrations;

namespace Switchboard.Cli;

/// <summary>The messaging services for a CLI command, on the configured database (migrated), without the HTTP server.</summary>
internal static class MessagingCli
{
    /// <summary>Builds the services from the settings file and the environment and brings the schema up to date.</summary>
    public static async Task<ServiceProvider> OpenAsync(FileInfo? configFile, CancellationToken ct)
    {
        var configuration = SwitchboardConfiguration.Load(configFile);
        return await OpenAsync(configuration, services => services.AddMessaging(configuration, dispatch: false), ct);
    }

    /// <summary>Builds the services <paramref name="register"/> adds (beside logging and the configuration) and brings the schema up to date.</summary>
    public static async Task<ServiceProvider> OpenAsync(
        IConfiguration configuration, Func<IServiceCollection, IServiceCollection> register, CancellationToken ct)
    {
        var services = register(new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration))
            .BuildServiceProvider();
        try
        {
            await services.GetRequiredService<Database>().MigrateAsync(ct);
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }
}
