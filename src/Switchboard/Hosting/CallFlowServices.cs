using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Flows;
using Switchboard.Numbers;
using Switchboard.Storage;

namespace Switchboard.Hosting;

/// <summary>Wires the flow host: the built-in app catalog, the call recorder and the check of every configured app at start.</summary>
internal static class CallFlowServices
{
    /// <summary>Registers the flow host and its parts; needs messaging (<see cref="MessagingServices.AddMessaging"/>) registered too.</summary>
    public static IServiceCollection AddCallFlows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(BuiltInApps.Catalog);
        var numbers = NumberSettings.From(configuration);
        services.AddSingleton(sp => new CallRecorder(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<NumberPlan>(), numbers.DefaultRegion, numbers.MaxExtensionDigits));
        services.AddSingleton(sp => new FlowHost(configuration, sp.GetRequiredService<FlowCatalog>(),
            sp.GetRequiredService<ILogger<FlowHost>>(), sp.GetRequiredService<CallRecorder>()));
        services.AddHostedService<AppsStartup>();
        return services;
    }
}
