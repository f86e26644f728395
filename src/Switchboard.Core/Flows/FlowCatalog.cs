namespace Switchboard.Flows;

/// <summary>The app types Switchboard can run, each with a factory that builds a flow from an instance's settings.</summary>
public sealed class FlowCatalog
{
    private readonly Dictionary<string, Func<AppSettings, ICallFlow>> _factories = new(StringComparer.Ordinal);

    /// <summary>The registered app types.</summary>
    public IReadOnlyCollection<string> Types => _factories.Keys;

    /// <summary>Registers an app type; the factory reads the instance's options and may reject them by throwing.</summary>
    public FlowCatalog Add(string type, Func<AppSettings, ICallFlow> factory)
    {
        if (!_factories.TryAdd(type, factory))
        {
            throw new ArgumentException($"The app type '{type}' is registered twice.", nameof(type));
        }

        return this;
    }

    /// <summary>Builds the flow for an app instance, or throws <see cref="UnknownAppException"/> naming the known types.</summary>
    public ICallFlow Create(AppSettings settings) =>
        _factories.TryGetValue(settings.Type, out var factory)
            ? factory(settings)
            : throw new UnknownAppException($"No app type '{settings.Type}' (for app '{settings.Id}'); " +
                (_factories.Count == 0 ? "no app types are registered." : $"known types: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}."));
}
