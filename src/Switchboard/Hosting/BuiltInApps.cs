using Switchboard.Flows;

namespace Switchboard.Hosting;

/// <summary>The app types that ship with Switchboard, registered by type name.</summary>
internal static class BuiltInApps
{
    public static FlowCatalog Catalog() => new();
}
