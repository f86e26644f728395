using Microsoft.Extensions.DependencyInjection;
using Switchboard.Apps.WhatsAppLink;
using Switchboard.Flows;
using Switchboard.Guard;
using Switchboard.Numbers;
using Switchboard.Outbox;
using Switchboard.Storage;

namespace Switchboard.Hosting;

/// <summary>The app types that ship with Switchboard, registered by type name with what each needs from the services.</summary>
internal static class BuiltInApps
{
    public static FlowCatalog Catalog(IServiceProvider services) => new FlowCatalog()
        .Add(WhatsAppLinkFlow.Type, settings => new WhatsAppLinkFlow(
            WhatsAppLinkOptions.Read(settings),
            services.GetRequiredService<NumberPlan>(),
            services.GetRequiredService<MessageGuard>(),
            services.GetRequiredService<IOutbox>(),
            services.GetRequiredService<Database>()));
}
